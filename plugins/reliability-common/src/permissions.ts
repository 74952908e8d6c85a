import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Granting (and revoking) an exemption of an entity from a readiness check.
 *
 * @public
 */
export const reliabilityExemptionCreatePermission = createPermission({
  name: 'reliability.exemption.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the reliability plugin, for the permissions registry.
 *
 * @public
 */
export const reliabilityPermissions = [reliabilityExemptionCreatePermission];

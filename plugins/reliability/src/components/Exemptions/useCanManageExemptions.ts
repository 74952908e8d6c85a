import { usePermission } from '@backstage/plugin-permission-react';
import { reliabilityExemptionCreatePermission } from '@vigil/plugin-reliability-common';

/**
 * Whether the signed-in user may grant and revoke exemptions
 * (`reliability.exemption.create`). False while the answer is pending, so
 * the controls never flash up for users without the permission.
 */
export function useCanManageExemptions(): boolean {
  const { allowed, loading } = usePermission({
    permission: reliabilityExemptionCreatePermission,
  });
  return !loading && allowed;
}

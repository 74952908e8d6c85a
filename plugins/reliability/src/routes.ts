import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The organisation-wide reliability overview page.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'reliability',
});

/**
 * The Reliability tab of an entity page.
 *
 * @public
 */
export const entityContentRouteRef = createRouteRef({
  id: 'reliability:entity-content',
});

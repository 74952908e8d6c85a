import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The Vigil reliability frontend plugin.
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * The organisation-wide reliability overview page.
 *
 * @public
 */
export const ReliabilityOverviewPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityOverviewPage',
    component: () =>
      import('./components/ReliabilityOverviewPage').then(
        m => m.ReliabilityOverviewPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Reliability tab of an entity page.
 *
 * @public
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'EntityReliabilityContent',
    component: () =>
      import('./components/EntityReliabilityContent').then(
        m => m.EntityReliabilityContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * A compact reliability summary card for an entity's overview tab.
 *
 * @public
 */
export const EntityReliabilityCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityCard',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityCard').then(
          m => m.EntityReliabilityCard,
        ),
    },
  }),
);

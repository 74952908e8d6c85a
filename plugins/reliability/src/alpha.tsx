/**
 * The reliability plugin for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { isReliabilityAvailable } from '@vigil/plugin-reliability-common';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/** @alpha */
export const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/** @alpha */
export const reliabilityOverviewPage = PageBlueprint.make({
  params: {
    path: '/reliability',
    title: 'Reliability',
    icon: <VerifiedUserIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/ReliabilityOverviewPage').then(m =>
        compatWrapper(<m.ReliabilityOverviewPage />),
      ),
  },
});

/** @alpha */
export const entityReliabilityContent = EntityContentBlueprint.make({
  params: {
    path: 'reliability',
    title: 'Reliability',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: isReliabilityAvailable,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m =>
        compatWrapper(<m.EntityReliabilityContent />),
      ),
  },
});

/** @alpha */
export const entityReliabilityCard = EntityCardBlueprint.make({
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('./components/EntityReliabilityCard').then(m =>
        compatWrapper(<m.EntityReliabilityCard />),
      ),
  },
});

/**
 * The reliability plugin: its API, the overview page, and the entity tab
 * and card for Components, Systems and Resources.
 *
 * @alpha
 */
const reliabilityPlugin = createFrontendPlugin({
  pluginId: 'reliability',
  title: 'Reliability',
  icon: <VerifiedUserIcon />,
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  }),
  extensions: [
    reliabilityApi,
    reliabilityOverviewPage,
    entityReliabilityContent,
    entityReliabilityCard,
  ],
});

export default reliabilityPlugin;

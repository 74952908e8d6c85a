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
import { Entity } from '@backstage/catalog-model';
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

/** The tab shows for kinds with metadata and for SLOs (their budget card). */
const hasReliabilityTab = (entity: Entity) =>
  isReliabilityAvailable(entity) ||
  entity.kind?.toLocaleLowerCase('en-US') === 'slo';

/** @alpha */
export const entityReliabilityContent = EntityContentBlueprint.make({
  params: {
    path: 'reliability',
    title: 'Reliability',
    routeRef: convertLegacyRouteRef(entityContentRouteRef),
    filter: hasReliabilityTab,
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
 * The reliability plugin: its API, the overview page, the entity tab (for
 * Components, Systems, Resources and SLOs) and the entity card.
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

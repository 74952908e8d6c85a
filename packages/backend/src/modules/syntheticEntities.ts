import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { syntheticCatalog } from '../synthetic/syntheticCatalog';

const LOCATION = 'vigil-synthetic:generated';

/** The generated entities as the catalog takes them: relations are its job. */
export function syntheticEntities(count: number): Entity[] {
  const catalog = syntheticCatalog(count);
  const strip = ({ relations: _relations, ...entity }: Entity): Entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
      },
    },
  });
  return [
    ...catalog.structure,
    ...catalog.groups.values(),
    ...catalog.components,
    ...[...catalog.slosByService.values()].flat(),
  ].map(strip);
}

/**
 * Development and benchmarks only: with `vigilDemo.syntheticEntities: N`,
 * puts N generated components (with their teams, departments, systems,
 * domains and about N/3 SLOs) into the catalog, so the overview and the
 * refresh can be tried at scale. See bench/README.md.
 */
export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'vigil-synthetic-entities',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogProcessingExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ config, catalog, logger }) {
        const count =
          config.getOptionalNumber('vigilDemo.syntheticEntities') ?? 0;
        if (count <= 0) return;
        const provider: EntityProvider = {
          getProviderName: () => 'vigil-synthetic-entities',
          async connect(connection: EntityProviderConnection) {
            const entities = syntheticEntities(count);
            await connection.applyMutation({
              type: 'full',
              entities: entities.map(entity => ({
                entity,
                locationKey: LOCATION,
              })),
            });
            logger.info(
              `Synthetic catalog: ${entities.length} entities (${count} components) handed to the catalog`,
            );
          },
        };
        catalog.addEntityProvider(provider);
      },
    });
  },
});

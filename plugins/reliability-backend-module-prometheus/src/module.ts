import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { reliabilityDataSourcesExtensionPoint } from '@vigil/plugin-reliability-node';
import { PrometheusSliDataSource } from './PrometheusSliDataSource';
import { readPrometheusSources } from './readSources';

/**
 * Registers one Prometheus SLI data source per `reliability.dataSources`
 * entry of type `prometheus`.
 *
 * @public
 */
export const reliabilityModulePrometheus = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        dataSources: reliabilityDataSourcesExtensionPoint,
      },
      async init({ config, logger, dataSources }) {
        const sources = readPrometheusSources(config);
        for (const settings of sources) {
          dataSources.addDataSource(
            new PrometheusSliDataSource(settings, { logger }),
          );
        }
        // Names and URLs only: headers may hold credentials.
        logger.info(
          `Registered ${sources.length} Prometheus SLI data source(s)${sources
            .map(s => ` ${s.id} (${s.url})`)
            .join(',')}`,
        );
      },
    });
  },
});

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { parseEnforcementMode } from './enforcement';
import { ReliabilityMetadataProcessor } from './ReliabilityMetadataProcessor';

/**
 * Adds Vigil's reliability metadata processor to the catalog.
 *
 * @public
 */
export const catalogModuleReliability = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'reliability',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ config, catalog }) {
        const key = 'reliability.catalog.enforcement';
        const enforcement = parseEnforcementMode(config.getOptionalString(key), key);
        catalog.addProcessor(new ReliabilityMetadataProcessor({ enforcement }));
      },
    });
  },
});

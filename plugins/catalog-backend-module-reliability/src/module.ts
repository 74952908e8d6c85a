import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { parsePolicyOrThrow } from '@vigil/plugin-reliability-common';
import { OpenSloEntityProcessor } from './OpenSloEntityProcessor';
import { ReliabilityMetadataProcessor } from './ReliabilityMetadataProcessor';
import { catalogServiceOwnerLookup } from './serviceOwnerLookup';

/**
 * Adds Vigil's processors to the catalog: OpenSLO SLO/SLI entities, and the
 * reliability policy applied to Components, Systems and Resources.
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
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, auth, catalog, processing }) {
        // An invalid policy stops the backend here, naming every bad key.
        const policy = parsePolicyOrThrow(
          config.getOptional('reliability.policy'),
        );
        processing.addProcessor(
          new OpenSloEntityProcessor({
            policy,
            lookupServiceOwner: catalogServiceOwnerLookup({
              catalog,
              auth,
              logger,
            }),
          }),
          new ReliabilityMetadataProcessor({ policy }),
        );
      },
    });
  },
});

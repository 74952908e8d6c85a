import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * Development only: lets the catalog API register `file` locations, so the
 * end-to-end test can register a file, edit it and watch the policy act.
 * Production catalogs keep the default (`url` only).
 */
export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'dev-file-locations',
  register(reg) {
    reg.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});

import { createBackendModule } from '@backstage/backend-plugin-api';
import { reliabilityChecksExtensionPoint } from '@vigil/plugin-reliability-node';

/**
 * An example custom readiness check, to show how an organisation adds its
 * own: services in production must say which system they belong to.
 */
export default createBackendModule({
  pluginId: 'reliability',
  moduleId: 'example-check',
  register(reg) {
    reg.registerInit({
      deps: { checks: reliabilityChecksExtensionPoint },
      async init({ checks }) {
        checks.addChecks({
          id: 'example/system-declared',
          title: 'Belongs to a system',
          level: 'bronze',
          evaluate: ({ entity }) =>
            entity.spec?.system
              ? { state: 'pass' }
              : {
                  state: 'fail',
                  message: `${entity.metadata.name}: spec.system is missing; name the system this component belongs to`,
                  fix: 'spec:\n  system: checkout',
                },
        });
      },
    });
  },
});

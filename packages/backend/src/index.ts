/*
 * Vigil's development backend: a real Backstage backend with the catalog,
 * guest sign-in, the permission framework and the whole reliability suite.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest only; this backend is for development.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// The reliability suite.
backend.add(import('@vigil/plugin-reliability-backend'));
backend.add(import('@vigil/plugin-reliability-backend-module-prometheus'));
backend.add(import('@vigil/plugin-catalog-backend-module-reliability'));
backend.add(import('./modules/exampleCheck'));

// Development only: demo data that stays valid as days pass, and file
// locations registrable through the API (used by the end-to-end test).
backend.add(import('./modules/demoDates'));
backend.add(import('./modules/allowFileLocations'));
// Development and benchmarks only: N generated entities when
// vigilDemo.syntheticEntities is set (app-config.seed.yaml).
backend.add(import('./modules/syntheticEntities'));
// Development only: DEMO DATA pushed into the built-in SLI source.
backend.add(import('./demoTraffic'));

backend.start();

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  parsePolicyOrThrow,
  reliabilityPermissions,
} from '@vigil/plugin-reliability-common';
import {
  ReliabilityCheck,
  reliabilityChecksExtensionPoint,
  reliabilityDataSourcesExtensionPoint,
  SliDataSource,
} from '@vigil/plugin-reliability-node';
import { DatabaseProfileStore } from './database/DatabaseProfileStore';
import { DatabaseSliBucketStore } from './database/DatabaseSliBucketStore';
import { DatabaseSloStatusStore } from './database/DatabaseSloStatusStore';
import { DatabaseExemptionStore } from './database/DatabaseExemptionStore';
import { ExemptionService } from './exemptions/ExemptionService';
import { BuiltinSampleService } from './samples/BuiltinSampleService';
import { readSloSettings } from './slo/settings';
import { SloEvaluator } from './slo/SloEvaluator';
import { SloService } from './slo/SloService';
import { scheduleSloRefresh } from './slo/refreshTask';
import { scheduleSampleRetention } from './samples/retention';
import { createRouter } from './router';
import { ReadinessService } from './readiness/ReadinessService';
import { ReadinessRecords } from './readiness/ReadinessRecords';
import { scheduleReadinessRefresh } from './readiness/refreshTask';
import { CatalogStructure } from './overview/catalogStructure';
import { OverviewIndex } from './overview/OverviewIndex';
import { OverviewService } from './overview/OverviewService';
import { ReadableRefs } from './overview/readableRefs';
import { DatabaseReadinessStore } from './database/DatabaseReadinessStore';
import { ReliabilityService } from './service/ReliabilityService';
import { Registry } from './service/Registry';

/**
 * The Vigil reliability backend plugin.
 *
 * @public
 */
export const reliabilityPlugin = createBackendPlugin({
  pluginId: 'reliability',
  register(env) {
    const checks = new Registry<ReliabilityCheck>('check');
    const dataSources = new Registry<SliDataSource>('data source');
    env.registerExtensionPoint(reliabilityChecksExtensionPoint, {
      addChecks: (...added) => added.forEach(check => checks.add(check)),
    });
    env.registerExtensionPoint(reliabilityDataSourcesExtensionPoint, {
      addDataSource: source => dataSources.add(source),
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        httpRouter: coreServices.httpRouter,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpAuth,
        auth,
        permissions,
        permissionsRegistry,
        httpRouter,
        scheduler,
        catalog,
      }) {
        permissionsRegistry.addPermissions(reliabilityPermissions);
        // An invalid policy stops the backend here, naming every bad key.
        const policy = parsePolicyOrThrow(
          config.getOptional('reliability.policy'),
        );
        const store = await DatabaseProfileStore.create({ database });
        const statuses = await DatabaseSloStatusStore.create({ database });
        const exemptionStore = await DatabaseExemptionStore.create({
          database,
        });
        const exemptions = new ExemptionService({
          store: exemptionStore,
          catalog,
          permissions,
          policy,
          customCheckIds: () => checks.list().map(c => c.id),
        });
        const readiness = new ReadinessService({
          catalog,
          policy,
          statuses,
          exemptions,
          customChecks: () => checks.list(),
        });
        const readinessStore = await DatabaseReadinessStore.create({
          database,
        });
        const readableRefs = new ReadableRefs({ catalog, permissions, auth });
        const records = new ReadinessRecords({
          catalog,
          auth,
          readiness,
          store: readinessStore,
          logger,
          policy,
          historyEverySeconds: 86_400,
          readableRefs,
        });
        const overview = new OverviewService({
          index: new OverviewIndex({
            store: readinessStore,
            sloStatuses: statuses,
            structure: new CatalogStructure({ catalog, auth }),
          }),
          readable: readableRefs,
          exemptions: exemptionStore,
        });
        const service = new ReliabilityService({
          catalog,
          store,
          policy,
          readiness,
          recordReadiness: (entity, result) => records.record(entity, result),
          logger,
        });
        await scheduleReadinessRefresh({
          scheduler,
          logger,
          records,
          frequencyMinutes:
            config.getOptionalNumber('reliability.readiness.refreshMinutes') ??
            30,
          historyRetentionDays:
            config.getOptionalNumber(
              'reliability.readiness.historyRetentionDays',
            ) ?? 400,
        });
        logger.info(
          `Reliability backend ready with ${
            checks.size
          } custom check(s) [${checks.ids()}] and ${
            dataSources.size
          } SLI data source(s) [${dataSources.ids()}]`,
        );
        const bucketStore = await DatabaseSliBucketStore.create({ database });
        const samples = new BuiltinSampleService({
          catalog,
          store: bucketStore,
        });
        await scheduleSampleRetention({
          config,
          scheduler,
          logger,
          store: bucketStore,
        });
        const sloSettings = readSloSettings(config);
        const evaluator = new SloEvaluator({
          buckets: bucketStore,
          dataSources: id => dataSources.get(id),
          findSli: async ref =>
            (await catalog.getEntityByRef(ref, {
              credentials: await auth.getOwnServiceCredentials(),
            })) ?? undefined,
          statuses,
          logger,
        });
        const slos = new SloService({
          catalog,
          auth,
          evaluator,
          statuses,
          logger,
          gate: sloSettings.gate,
          historyEverySeconds: sloSettings.historyEverySeconds,
        });
        await scheduleSloRefresh({
          scheduler,
          logger,
          service: slos,
          statuses,
          frequencySeconds: sloSettings.refreshSeconds,
          historyRetentionDays: sloSettings.historyRetentionDays,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            service,
            samples,
            slos,
            exemptions,
            records,
            overview,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

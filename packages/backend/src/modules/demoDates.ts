import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  CatalogProcessor,
} from '@backstage/plugin-catalog-node';

const DR_TESTED = 'vigil/dr-tested';
const DAY_MS = 86_400_000;

/**
 * Development only. The example catalog is written as of one day
 * (`vigilDemo.examplesWrittenOn`); DR tests age every day after it, and a
 * tier-0 example whose DR test grows older than the policy allows would be
 * refused by the enforcing catalog. This processor moves every
 * `vigil/dr-tested` of the examples forward by the days elapsed since, so
 * each example keeps the age it was written with (orders: 56 days,
 * inventory: 470). It touches only entities from `examples/`.
 */
class DemoDatesProcessor implements CatalogProcessor {
  constructor(private readonly shiftDays: number) {}

  getProcessorName() {
    return 'VigilDemoDatesProcessor';
  }

  async preProcessEntity(entity: Entity, location: { target: string }) {
    const tested = entity.metadata?.annotations?.[DR_TESTED];
    if (
      this.shiftDays <= 0 ||
      !location.target.includes('/examples/') ||
      typeof tested !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(tested)
    ) {
      return entity;
    }
    const shifted = new Date(
      Date.parse(`${tested}T00:00:00Z`) + this.shiftDays * DAY_MS,
    );
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [DR_TESTED]: shifted.toISOString().slice(0, 10),
        },
      },
    };
  }
}

export default createBackendModule({
  pluginId: 'catalog',
  moduleId: 'vigil-demo-dates',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, processing }) {
        const writtenOn = config.getOptionalString(
          'vigilDemo.examplesWrittenOn',
        );
        if (!writtenOn) {
          return;
        }
        const shiftDays = Math.floor(
          (Date.now() - Date.parse(`${writtenOn}T00:00:00Z`)) / DAY_MS,
        );
        logger.info(
          `Demo data: example DR test dates move forward by ${shiftDays} day(s) (examples written on ${writtenOn})`,
        );
        processing.addProcessor(new DemoDatesProcessor(shiftDays));
      },
    });
  },
});

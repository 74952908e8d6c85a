import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { SliBucketStore } from '../database/SliBucketStore';

/** Longer than a year: a calendar-year SLO window still has all its data. */
export const DEFAULT_RETENTION_DAYS = 400;

/**
 * Prunes built-in SLI buckets older than the retention once a day, so the
 * table never grows without bound. Runs once across replicas.
 */
export async function scheduleSampleRetention(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  store: SliBucketStore;
}) {
  const { config, scheduler, logger, store } = options;
  const key = 'reliability.builtinSource.retentionDays';
  const days = config.getOptionalNumber(key) ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `${key} must be a whole number of days of at least 1, got ${days}`,
    );
  }
  await scheduler.scheduleTask({
    id: 'reliability-sli-bucket-retention',
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const before = new Date(Date.now() - days * 86_400_000);
      const pruned = await store.pruneBefore(before);
      logger.info(`Pruned ${pruned} SLI bucket(s) older than ${days} days`);
    },
  });
}

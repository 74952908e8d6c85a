import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ReadinessRecords } from './ReadinessRecords';

/**
 * Re-evaluates the readiness of every entity on a schedule (once across
 * replicas) and prunes old history, so the history table stays bounded.
 */
export async function scheduleReadinessRefresh(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  records: ReadinessRecords;
  frequencyMinutes: number;
  historyRetentionDays: number;
}) {
  const { scheduler, logger, records } = options;
  await scheduler.scheduleTask({
    id: 'reliability-readiness-refresh',
    frequency: { minutes: options.frequencyMinutes },
    timeout: { minutes: 30 },
    initialDelay: { seconds: 20 },
    fn: async () => {
      const started = Date.now();
      const { evaluated, failed } = await records.refreshAll();
      const pruned = await records.prune(
        new Date(Date.now() - options.historyRetentionDays * 86_400_000),
      );
      logger.info(
        `Readiness of ${evaluated} entit${
          evaluated === 1 ? 'y' : 'ies'
        } evaluated in ${Date.now() - started} ms${
          failed ? `, ${failed} failed` : ''
        }; pruned ${pruned} history point(s)`,
      );
    },
  });
}

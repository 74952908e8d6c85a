import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { SloStatusStore } from '../database/SloStatusStore';
import { SloService } from './SloService';

/**
 * Evaluates every SLO on a schedule (once across replicas) and prunes old
 * history, so the history table stays bounded.
 */
export async function scheduleSloRefresh(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  service: SloService;
  statuses: SloStatusStore;
  frequencySeconds: number;
  historyRetentionDays: number;
}) {
  const { scheduler, logger, service, statuses } = options;
  await scheduler.scheduleTask({
    id: 'reliability-slo-refresh',
    frequency: { seconds: options.frequencySeconds },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 10 },
    fn: async () => {
      const started = Date.now();
      const { evaluated, failed } = await service.refreshAll();
      const pruned = await statuses.prune(
        new Date(Date.now() - options.historyRetentionDays * 86_400_000),
      );
      logger.info(
        `Evaluated ${evaluated} SLO(s) in ${Date.now() - started} ms` +
          `${
            failed ? `, ${failed} failed` : ''
          }; pruned ${pruned} history point(s)`,
      );
    },
  });
}

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { countsOf, DEMO_PROFILES, TrafficProfile } from './profiles';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Sample = { start: string; end: string; good: number; total: number };

/**
 * DEMO DATA, development only: pushes synthetic good/total counts for the
 * example SLOs into Vigil's built-in source through its real HTTP API, so
 * budgets move while the dev app runs. Enabled by `vigilDemo.traffic: true`.
 * History is pushed in hourly buckets up to the current hour, then one
 * bucket per minute.
 */
export default createBackendPlugin({
  pluginId: 'vigil-demo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init({ config, logger, scheduler, auth, discovery }) {
        if (!config.getOptionalBoolean('vigilDemo.traffic')) {
          return;
        }
        /** The end of the last pushed bucket, per SLO; unset until the backfill landed. */
        const pushedUntil = new Map<string, number>();

        const push = async (profile: TrafficProfile, samples: Sample[]) => {
          const baseUrl = await discovery.getBaseUrl('reliability');
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'reliability',
          });
          for (let i = 0; i < samples.length; i += 1000) {
            const res = await fetch(
              `${baseUrl}/slis/default/${encodeURIComponent(
                profile.sloName,
              )}/samples`,
              {
                method: 'POST',
                headers: {
                  Authorization: `Bearer ${token}`,
                  'Content-Type': 'application/json',
                },
                body: JSON.stringify({ samples: samples.slice(i, i + 1000) }),
              },
            );
            if (!res.ok) {
              throw new Error(`${res.status} ${await res.text()}`);
            }
          }
        };

        const tick = async () => {
          const now = Date.now();
          const thisMinute = Math.floor(now / MINUTE) * MINUTE;
          for (const profile of DEMO_PROFILES) {
            const samples: Sample[] = [];
            let from = pushedUntil.get(profile.sloName);
            if (from === undefined) {
              // First push: hourly history up to the current hour.
              const thisHour = Math.floor(now / HOUR) * HOUR;
              for (
                let t = thisHour - profile.backfillDays * 24 * HOUR;
                t < thisHour;
                t += HOUR
              ) {
                const minutesAgo = Math.round((thisMinute - t) / MINUTE) - 60;
                samples.push({
                  start: new Date(t).toISOString(),
                  end: new Date(t + HOUR).toISOString(),
                  ...countsOf(profile, 60, Math.max(0, minutesAgo)),
                });
              }
              from = thisHour;
            }
            for (let t = from; t < thisMinute; t += MINUTE) {
              samples.push({
                start: new Date(t).toISOString(),
                end: new Date(t + MINUTE).toISOString(),
                ...countsOf(
                  profile,
                  1,
                  Math.round((thisMinute - t) / MINUTE) - 1,
                ),
              });
            }
            try {
              await push(profile, samples);
              pushedUntil.set(profile.sloName, thisMinute);
            } catch (error) {
              // The SLO may not be in the catalog yet: try again next minute.
              logger.info(
                `Demo traffic for ${profile.sloName} not pushed yet: ${error}`,
              );
            }
          }
        };

        logger.info(
          `DEMO DATA: pushing synthetic counts for ${DEMO_PROFILES.map(
            p => p.sloName,
          ).join(', ')}`,
        );
        await scheduler.scheduleTask({
          id: 'vigil-demo-traffic',
          frequency: { minutes: 1 },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 15 },
          scope: 'local',
          fn: tick,
        });
      },
    });
  },
});

import { Entity } from '@backstage/catalog-model';

/**
 * An OpenSLO SLO entity of the `orders` service: 99 % of events good over
 * a rolling day, counted by an inline ratio indicator read from `source`.
 */
export const sloEntity = (name: string, source = 'builtin'): Entity =>
  ({
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name, namespace: 'default' },
    spec: {
      service: 'orders',
      indicator: {
        metadata: { name: `${name}-ratio` },
        spec: {
          ratioMetric: {
            counter: true,
            good: { metricSource: { metricSourceRef: source, spec: {} } },
            total: { metricSource: { metricSourceRef: source, spec: {} } },
          },
        },
      },
      timeWindow: [{ duration: '1d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
    },
  } as unknown as Entity);

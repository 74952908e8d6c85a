/* Valid OpenSLO v1 documents for the tests, and a helper to break them. */

/** An availability SLO in the form of DESIGN.md §3.2. */
export function ratioSlo(): Record<string, any> {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name: 'orders-availability',
      displayName: 'Orders API availability',
    },
    spec: {
      description: '99.9% of orders requests succeed',
      service: 'orders',
      indicator: {
        metadata: { name: 'orders-good-ratio' },
        spec: {
          ratioMetric: {
            counter: true,
            good: {
              metricSource: {
                metricSourceRef: 'prometheus-main',
                spec: {
                  query:
                    'sum(rate(http_requests_total{job="orders",code!~"5.."}[{{window}}]))',
                },
              },
            },
            total: {
              metricSource: {
                metricSourceRef: 'prometheus-main',
                spec: {
                  query:
                    'sum(rate(http_requests_total{job="orders"}[{{window}}]))',
                },
              },
            },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'availability', target: 0.999 }],
    },
  };
}

/** A latency SLO: thresholdMetric, one objective with op and value. */
export function thresholdSlo(): Record<string, any> {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'orders-latency' },
    spec: {
      service: 'component:default/orders',
      indicator: {
        metadata: { name: 'orders-p99-latency' },
        spec: {
          thresholdMetric: {
            metricSource: {
              type: 'Prometheus',
              spec: { query: 'histogram_quantile(0.99, rate(x[5m]))' },
            },
          },
        },
      },
      timeWindow: [{ duration: '1w', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ op: 'lte', value: 300, target: 0.99 }],
    },
  };
}

/** A calendar-month Timeslices SLO with an indicatorRef. */
export function timeslicesSlo(): Record<string, any> {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'checkout-uptime' },
    spec: {
      service: 'checkout',
      indicatorRef: 'checkout-probe-success',
      timeWindow: [
        {
          duration: '1M',
          isRolling: false,
          calendar: {
            startTime: '2024-01-01 00:00:00',
            timeZone: 'Europe/Paris',
          },
        },
      ],
      budgetingMethod: 'Timeslices',
      objectives: [
        { targetPercent: 99.5, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
      ],
    },
  };
}

/** A RatioTimeslices SLO using the raw ratio form. */
export function rawRatioSlo(): Record<string, any> {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'wifi-satisfaction' },
    spec: {
      service: 'wifi',
      indicator: {
        metadata: { name: 'wifi-satisfaction-ratio' },
        spec: {
          ratioMetric: {
            rawType: 'success',
            raw: {
              metricSource: { type: 'Prometheus', spec: { query: 'avg(x)' } },
            },
          },
        },
      },
      timeWindow: [{ duration: '30d', isRolling: true }],
      budgetingMethod: 'RatioTimeslices',
      objectives: [{ target: 0.95, timeSliceWindow: '1h' }],
    },
  };
}

/** A composite SLO: each objective names its own indicator. */
export function compositeSlo(): Record<string, any> {
  const inline = ratioSlo().spec.indicator;
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'checkout-journey' },
    spec: {
      service: 'checkout',
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [
        { displayName: 'orders', target: 0.999, indicator: inline },
        {
          displayName: 'payments',
          target: 0.995,
          indicatorRef: 'payments-good-ratio',
          compositeWeight: 2,
        },
      ],
    },
  };
}

/** A standalone SLI with a bad/total ratio. */
export function ratioSli(): Record<string, any> {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLI',
    metadata: { name: 'checkout-errors' },
    spec: {
      description: 'Share of checkout requests that fail',
      ratioMetric: {
        counter: false,
        bad: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
        total: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
      },
    },
  };
}

/**
 * A copy of `doc` with the value at `path` (e.g.
 * `spec.objectives[0].target`) replaced; `undefined` deletes the key.
 */
export function withPath(
  doc: unknown,
  path: string,
  value: unknown,
): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(doc));
  const keys = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

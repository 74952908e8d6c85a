/** OpenSLO SliSpec objects, as the backend passes them in `indicator`. */
const source = (spec: Record<string, unknown>) => ({
  metricSource: { metricSourceRef: 'main', spec },
});

export const goodTotalRate = {
  ratioMetric: {
    counter: true,
    good: source({
      query: 'sum(rate(http_requests_total{code!~"5.."}[{{window}}]))',
    }),
    total: source({ query: 'sum(rate(http_requests_total[{{window}}]))' }),
  },
};

export const badTotalIncrease = {
  ratioMetric: {
    counter: true,
    bad: source({
      query: 'sum(increase(http_requests_total{code=~"5.."}[{{window}}]))',
    }),
    total: source({ query: 'sum(increase(http_requests_total[{{window}}]))' }),
  },
};

export const sloth = {
  ratioMetric: {
    counter: false,
    rawType: 'failure',
    raw: source({ mode: 'sloth', id: 'orders-availability' }),
  },
};

export const pyrraGeneric = {
  ratioMetric: {
    counter: false,
    rawType: 'failure',
    raw: source({ mode: 'pyrra', slo: 'orders-availability' }),
  },
};

export const pyrraBurnrate = {
  ratioMetric: {
    counter: false,
    rawType: 'failure',
    raw: source({
      mode: 'pyrra',
      slo: 'orders-availability',
      metric: 'http_requests_total',
    }),
  },
};

import {
  compositeSlo,
  ratioSli,
  ratioSlo,
  rawRatioSlo,
  thresholdSlo,
  timeslicesSlo,
  withPath,
} from './__fixtures__/documents';
import { isOpenSloDocument, parseOpenSloDocument } from './parseDocument';
import { checkReferencedIndicator } from './resolvedIndicator';
import { inferSloKind } from './sloDocument';

describe('isOpenSloDocument', () => {
  it.each([
    ['an SLO', ratioSlo(), true],
    ['a DataSource', { apiVersion: 'openslo/v1', kind: 'DataSource' }, true],
    ['v1alpha', { apiVersion: 'openslo/v1alpha', kind: 'SLO' }, false],
    ['v2alpha', { apiVersion: 'openslo.com/v2alpha', kind: 'SLO' }, false],
    [
      'a Component',
      { apiVersion: 'backstage.io/v1alpha1', kind: 'Component' },
      false,
    ],
    ['null', null, false],
    ['a string', 'openslo/v1', false],
    ['a list', [{ apiVersion: 'openslo/v1' }], false],
  ])('%s → %s', (_, doc, expected) => {
    expect(isOpenSloDocument(doc)).toBe(expected);
  });
});

describe('parseOpenSloDocument: valid documents', () => {
  it('parses the SLO of DESIGN.md §3.2', () => {
    const result = parseOpenSloDocument(ratioSlo());
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('SLO');
    expect(result.slo).toEqual({
      entityRef: 'slo:default/orders-availability',
      name: 'orders-availability',
      namespace: 'default',
      displayName: 'Orders API availability',
      description: '99.9% of orders requests succeed',
      service: 'orders',
      indicator: {
        name: 'orders-good-ratio',
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
      timeWindow: {
        duration: { text: '28d', amount: 28, unit: 'd', seconds: 2419200 },
        isRolling: true,
      },
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'availability', target: 0.999 }],
      sloKind: 'availability',
    });
  });

  it('infers latency from a thresholdMetric and keeps op and value', () => {
    const { slo, errors } = parseOpenSloDocument(thresholdSlo());
    expect(errors).toEqual([]);
    expect(slo?.sloKind).toBe('latency');
    expect(slo?.service).toBe('component:default/orders');
    expect(slo?.objectives).toEqual([{ op: 'lte', value: 300, target: 0.99 }]);
    expect(slo?.indicator?.spec.thresholdMetric?.metricSource).toEqual({
      type: 'Prometheus',
      spec: { query: 'histogram_quantile(0.99, rate(x[5m]))' },
    });
  });

  it('reads a calendar month, targetPercent as an exact fraction and the slices', () => {
    const { slo, errors } = parseOpenSloDocument(timeslicesSlo());
    expect(errors).toEqual([]);
    expect(slo?.timeWindow).toEqual({
      duration: { text: '1M', amount: 1, unit: 'M' },
      isRolling: false,
      calendar: { startTime: '2024-01-01 00:00:00', timeZone: 'Europe/Paris' },
    });
    expect(slo?.indicatorRef).toBe('checkout-probe-success');
    expect(slo?.indicator).toBeUndefined();
    expect(slo?.sloKind).toBe('unknown');
    expect(slo?.objectives[0]).toEqual({
      target: 0.995,
      timeSliceTarget: 0.95,
      timeSliceWindow: { text: '5m', amount: 5, unit: 'm', seconds: 300 },
    });
  });

  it('gives targetPercent 99.95 as exactly 0.9995', () => {
    const doc = withPath(ratioSlo(), 'spec.objectives[0]', {
      targetPercent: 99.95,
    });
    expect(parseOpenSloDocument(doc).slo?.objectives[0].target).toBe(0.9995);
  });

  it('reads the raw ratio form and RatioTimeslices without timeSliceTarget', () => {
    const { slo, errors } = parseOpenSloDocument(rawRatioSlo());
    expect(errors).toEqual([]);
    expect(slo?.budgetingMethod).toBe('RatioTimeslices');
    expect(slo?.indicator?.spec.ratioMetric).toEqual({
      counter: false,
      rawType: 'success',
      raw: { metricSource: { type: 'Prometheus', spec: { query: 'avg(x)' } } },
    });
    expect(slo?.objectives[0].timeSliceWindow?.seconds).toBe(3600);
  });

  it('reads a composite SLO whose objectives carry their indicators', () => {
    const { slo, errors } = parseOpenSloDocument(compositeSlo());
    expect(errors).toEqual([]);
    expect(slo?.indicator).toBeUndefined();
    expect(slo?.objectives[0].indicator?.name).toBe('orders-good-ratio');
    expect(slo?.objectives[1]).toEqual({
      displayName: 'payments',
      target: 0.995,
      indicatorRef: 'payments-good-ratio',
      compositeWeight: 2,
    });
    expect(slo?.sloKind).toBe('unknown');
  });

  it('takes the SLO kind from the vigil/slo-kind annotation, then the label', () => {
    const annotated = withPath(thresholdSlo(), 'metadata.annotations', {
      'vigil/slo-kind': 'freshness',
    });
    expect(parseOpenSloDocument(annotated).slo?.sloKind).toBe('freshness');
    const labelled = withPath(thresholdSlo(), 'metadata.labels', {
      'vigil/slo-kind': ['correctness'],
    });
    expect(parseOpenSloDocument(labelled).slo?.sloKind).toBe('correctness');
  });

  it('accepts a time slice given as a bare number of minutes, as the spec allows', () => {
    const doc = withPath(
      timeslicesSlo(),
      'spec.objectives[0].timeSliceWindow',
      5,
    );
    expect(
      parseOpenSloDocument(doc).slo?.objectives[0].timeSliceWindow,
    ).toEqual({
      text: '5m',
      amount: 5,
      unit: 'm',
      seconds: 300,
    });
  });

  it('assumes isRolling: false when a calendar is given without it', () => {
    const doc = withPath(
      timeslicesSlo(),
      'spec.timeWindow[0].isRolling',
      undefined,
    );
    const { slo, errors } = parseOpenSloDocument(doc);
    expect(errors).toEqual([]);
    expect(slo?.timeWindow.isRolling).toBe(false);
  });

  it('turns a Date from a YAML 1.1 parser back into the start time as written', () => {
    const doc = timeslicesSlo();
    doc.spec.timeWindow[0].calendar.startTime = new Date(
      '2024-01-01T12:30:00Z',
    );
    expect(parseOpenSloDocument(doc).slo?.timeWindow.calendar?.startTime).toBe(
      '2024-01-01 12:30:00',
    );
  });

  it('treats an empty `alertPolicies:` (YAML null) as absent', () => {
    const doc = withPath(ratioSlo(), 'spec.alertPolicies', null);
    expect(parseOpenSloDocument(doc).errors).toEqual([]);
  });

  it('accepts a namespace and a counter left out (false, as in the Go SDK)', () => {
    let doc = withPath(ratioSlo(), 'metadata.namespace', 'payments');
    doc = withPath(doc, 'spec.indicator.spec.ratioMetric.counter', undefined);
    const { slo } = parseOpenSloDocument(doc);
    expect(slo?.entityRef).toBe('slo:payments/orders-availability');
    expect(slo?.indicator?.spec.ratioMetric?.counter).toBe(false);
  });

  it('parses a standalone SLI', () => {
    const result = parseOpenSloDocument(ratioSli());
    expect(result).toEqual({
      kind: 'SLI',
      errors: [],
      sli: {
        name: 'checkout-errors',
        description: 'Share of checkout requests that fail',
        spec: {
          ratioMetric: {
            counter: false,
            bad: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
            total: { metricSource: { metricSourceRef: 'builtin', spec: {} } },
          },
        },
      },
    });
  });

  it.each([
    'DataSource',
    'AlertPolicy',
    'AlertCondition',
    'AlertNotificationTarget',
    'Service',
  ])('reports kind %s as unsupported, without errors', kind => {
    expect(
      parseOpenSloDocument({
        apiVersion: 'openslo/v1',
        kind,
        metadata: { name: 'x' },
        spec: {},
      }),
    ).toEqual({ kind: 'unsupported', errors: [] });
  });
});

describe('checkReferencedIndicator', () => {
  const sli = {
    name: 'checkout-probe-success',
    spec: thresholdSlo().spec.indicator.spec,
  };
  const parsedSli = parseOpenSloDocument({
    apiVersion: 'openslo/v1',
    kind: 'SLI',
    metadata: { name: sli.name },
    spec: sli.spec,
  }).sli!;

  it('asks for op and value once the referenced SLI turns out to be a threshold', () => {
    const slo = parseOpenSloDocument(timeslicesSlo()).slo!;
    const errors = checkReferencedIndicator(slo, parsedSli);
    expect(errors.map(e => e.message)).toEqual([
      'slo:default/checkout-uptime: spec.objectives[0].op is missing; expected one of lt, lte, gt, gte, required because the SLI checkout-probe-success is a thresholdMetric, e.g. "op: lte"',
      'slo:default/checkout-uptime: spec.objectives[0].value is missing; expected a number the measured value is compared with, required because the SLI checkout-probe-success is a thresholdMetric, e.g. "value: 300"',
    ]);
    expect(inferSloKind(parsedSli.spec)).toBe('latency');
  });

  it('accepts a ratio SLI, and a threshold SLI with op and value', () => {
    const slo = parseOpenSloDocument(timeslicesSlo()).slo!;
    expect(
      checkReferencedIndicator(slo, parseOpenSloDocument(ratioSli()).sli!),
    ).toEqual([]);
    const withOp = parseOpenSloDocument(
      withPath(
        withPath(timeslicesSlo(), 'spec.objectives[0].op', 'lte'),
        'spec.objectives[0].value',
        300,
      ),
    ).slo!;
    expect(checkReferencedIndicator(withOp, parsedSli)).toEqual([]);
  });
});

describe('parseOpenSloDocument: the fields of a parsed SLO', () => {
  // Optional fields come and go; the order of the fields stays (JSON
  // answers and stored results show it), whatever builds the object.
  const SLO_FIELDS = [
    'entityRef',
    'name',
    'namespace',
    'displayName',
    'description',
    'service',
    'indicator',
    'indicatorRef',
    'timeWindow',
    'budgetingMethod',
    'objectives',
    'sloKind',
  ];
  const inOrder = (keys: string[]) =>
    SLO_FIELDS.filter(field => keys.includes(field));

  it.each([
    ['inline indicator', ratioSlo()],
    [
      'indicatorRef',
      withPath(
        withPath(ratioSlo(), 'spec.indicator', undefined),
        'spec.indicatorRef',
        'orders-good-ratio',
      ),
    ],
    ['displayName', withPath(ratioSlo(), 'metadata.displayName', 'Orders')],
    ['description', withPath(ratioSlo(), 'spec.description', 'Orders succeed')],
    ['composite (no indicator)', compositeSlo()],
  ])('%s', (_, doc) => {
    const { slo, errors } = parseOpenSloDocument(doc);
    expect(errors).toEqual([]);
    const keys = Object.keys(slo!);
    expect(keys).toEqual(inOrder(keys));
  });

  it.each([
    ['metricSourceRef', { metricSourceRef: 'prometheus-main', spec: {} }],
    ['type', { type: 'Prometheus', spec: {} }],
    [
      'both',
      { metricSourceRef: 'prometheus-main', type: 'Prometheus', spec: {} },
    ],
  ])('a metric source with %s keeps its fields in order', (_, source) => {
    const doc = withPath(
      ratioSlo(),
      'spec.indicator.spec.ratioMetric.total.metricSource',
      source,
    );
    const { slo, errors } = parseOpenSloDocument(doc);
    expect(errors).toEqual([]);
    const parsed = slo!.indicator!.spec.ratioMetric!.total!.metricSource;
    expect(Object.keys(parsed)).toEqual(Object.keys(source));
  });
});

import { parse } from 'yaml';
import { parseOpenSloDocument } from '../openslo/parseDocument';
import {
  annotationFix,
  entityFix,
  exampleValue,
  openSloSkeleton,
  yamlScalar,
} from './fixes';

describe('fixes', () => {
  it.each([
    [
      'https://wiki.example.com/runbooks/orders',
      'https://wiki.example.com/runbooks/orders',
    ],
    ['tier-0', 'tier-0'],
    ['1h', '1h'],
    ['PORDERS', 'PORDERS'],
    ['group:default/team-a', 'group:default/team-a'],
    ['2026-10-02', '"2026-10-02"'],
    ['0.999', '"0.999"'],
    ['42', '"42"'],
    ['true', '"true"'],
    ['no', '"no"'],
    ['a: b', '"a: b"'],
    ['has # hash', '"has # hash"'],
    ['', '""'],
    ['*alias', '"*alias"'],
  ])(
    'writes %j as the YAML scalar %s that reads back as the string',
    (value, yaml) => {
      expect(yamlScalar(value)).toBe(yaml);
      expect(parse(`key: ${yamlScalar(value)}`)).toEqual({ key: value });
    },
  );

  it('merges fields into one snippet', () => {
    const fix = entityFix([
      { field: 'metadata.annotations.vigil/rto', value: '1h' },
      { field: 'spec.lifecycle', value: 'production' },
      { field: 'metadata.annotations.pagerduty.com/service-id', value: 'PX' },
    ]);
    expect(fix).toBe(
      [
        'metadata:',
        '  annotations:',
        '    vigil/rto: 1h',
        '    pagerduty.com/service-id: PX',
        'spec:',
        '  lifecycle: production',
      ].join('\n'),
    );
    expect(parse(fix)).toEqual({
      metadata: {
        annotations: { 'vigil/rto': '1h', 'pagerduty.com/service-id': 'PX' },
      },
      spec: { lifecycle: 'production' },
    });
  });

  it('writes one annotation', () => {
    expect(annotationFix('vigil/dr-tested', '2026-11-27')).toBe(
      'metadata:\n  annotations:\n    vigil/dr-tested: "2026-11-27"',
    );
  });

  it('reads the value of a metadata-policy example', () => {
    expect(exampleValue('"vigil/runbook: https://x.example/r"')).toBe(
      'https://x.example/r',
    );
    expect(exampleValue('"owner: group:default/checkout-team"')).toBe(
      'group:default/checkout-team',
    );
    expect(exampleValue('tier-2')).toBeUndefined();
  });

  it.each(['availability', 'latency', 'freshness'])(
    'offers a valid OpenSLO skeleton for a %s SLO',
    sloKind => {
      const text = openSloSkeleton({
        serviceRef: 'component:default/orders',
        serviceName: 'orders',
        sloKind,
        target: 0.9995,
      });
      const parsed = parseOpenSloDocument(parse(text));
      expect(parsed.errors).toEqual([]);
      expect(parsed.slo).toMatchObject({
        name: `orders-${sloKind}`,
        service: 'component:default/orders',
        sloKind,
        objectives: [{ target: 0.9995 }],
      });
    },
  );
});

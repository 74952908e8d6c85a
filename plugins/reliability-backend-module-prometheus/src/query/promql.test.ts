import {
  combineSeries,
  hasWindowPlaceholder,
  promString,
  renderWindow,
  selector,
} from './promql';

describe('PromQL helpers', () => {
  it('finds and replaces every {{window}}, with or without spaces', () => {
    const template = 'sum(rate(a[{{window}}])) / sum(rate(b[{{ window }}]))';
    expect(hasWindowPlaceholder(template)).toBe(true);
    expect(hasWindowPlaceholder('sum(rate(a[5m]))')).toBe(false);
    expect(renderWindow(template, '5m')).toBe(
      'sum(rate(a[5m])) / sum(rate(b[5m]))',
    );
  });

  it('escapes label values', () => {
    expect(promString('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(selector('m', { slo: 'x"y', team: 'core' })).toBe(
      'm{slo="x\\"y",team="core"}',
    );
  });

  it('combines queries into one expression, one tagged series each', () => {
    expect(combineSeries({ good: 'rate(g[5m])', total: 'rate(t[5m])' })).toBe(
      'label_replace(sum(rate(g[5m])), "vigil_series", "good", "", "") or ' +
        'label_replace(sum(rate(t[5m])), "vigil_series", "total", "", "")',
    );
  });
});

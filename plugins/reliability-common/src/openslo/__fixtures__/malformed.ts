/*
 * The malformed OpenSLO documents of the corpus: each is a valid document
 * broken in one place, with the one error it must give (the exact field
 * path, the bad value as reported, and words of the expectation).
 */
import {
  compositeSlo,
  ratioSli,
  ratioSlo,
  rawRatioSlo,
  thresholdSlo,
  timeslicesSlo,
  withPath,
} from './documents';

/** One malformed document and the error it must give. */
export interface MalformedCase {
  description: string;
  document: unknown;
  /** The exact field path of the error. */
  field: string;
  /** The bad value as reported; null when the field is missing. */
  value: string | null;
  /** Part of the message: the expectation (and the reason). */
  message: string;
  /** Fields of further errors the same document must give, in order. */
  alsoFields?: string[];
}

const c = (
  description: string,
  document: unknown,
  field: string,
  value: string | null,
  message: string,
  alsoFields?: string[],
): MalformedCase => ({
  description,
  document,
  field,
  value,
  message,
  alsoFields,
});

const slo = ratioSlo();
const ind = 'spec.indicator';
const ratio = 'spec.indicator.spec.ratioMetric';
const good = `${ratio}.good.metricSource`;
const tw = 'spec.timeWindow[0]';
const cal = 'spec.timeWindow[0].calendar';
const obj = 'spec.objectives[0]';
const set = withPath;
const calendarSlo = timeslicesSlo();

// One case per line, as a table.
// prettier-ignore
export const MALFORMED_OPENSLO_CASES: MalformedCase[] = [
  // The document and its envelope
  c('document is a string', 'apiVersion: openslo/v1', '(document)', 'apiVersion: openslo/v1', 'a YAML mapping with apiVersion'),
  c('document is a list', [slo], '(document)', `${JSON.stringify([slo]).slice(0, 119)}…`, 'a YAML mapping'),
  c('document is a number', 42, '(document)', '42', 'a YAML mapping'),
  c('apiVersion missing', set(slo, 'apiVersion', undefined), 'apiVersion', null, 'openslo/v1'),
  c('apiVersion v1alpha', set(slo, 'apiVersion', 'openslo/v1alpha'), 'apiVersion', 'openslo/v1alpha', 'documents are not supported'),
  c('apiVersion v2alpha', set(slo, 'apiVersion', 'openslo.com/v2alpha'), 'apiVersion', 'openslo.com/v2alpha', 'documents are not supported'),
  c('apiVersion of Backstage', set(slo, 'apiVersion', 'backstage.io/v1alpha1'), 'apiVersion', 'backstage.io/v1alpha1', 'openslo/v1'),
  c('apiVersion as a number', set(slo, 'apiVersion', 1), 'apiVersion', '1', 'openslo/v1'),
  c('kind missing', set(slo, 'kind', undefined), 'kind', null, 'one of the OpenSLO v1 kinds'),
  c('kind in lower case', set(slo, 'kind', 'slo'), 'kind', 'slo', 'did you mean SLO? case matters'),
  c('kind of Backstage', set(slo, 'kind', 'Component'), 'kind', 'Component', 'one of the OpenSLO v1 kinds SLO, SLI'),
  c('kind as a list', set(slo, 'kind', ['SLO']), 'kind', '["SLO"]', 'one of the OpenSLO v1 kinds'),

  // metadata
  c('metadata missing', set(slo, 'metadata', undefined), 'metadata', null, 'a mapping with at least a name'),
  c('metadata is a string', set(slo, 'metadata', 'orders'), 'metadata', 'orders', 'a mapping with at least a name, not a string'),
  c('name missing', set(slo, 'metadata.name', undefined), 'metadata.name', null, 'RFC 1123 label'),
  c('name with upper case', set(slo, 'metadata.name', 'Orders-Availability'), 'metadata.name', 'Orders-Availability', 'upper-case letters are not allowed'),
  c('name with underscore', set(slo, 'metadata.name', 'orders_availability'), 'metadata.name', 'orders_availability', 'lower-case letters, digits and "-"'),
  c('name of 64 characters', set(slo, 'metadata.name', 'a'.repeat(64)), 'metadata.name', 'a'.repeat(64), 'at most 63'),
  c('name starting with a dash', set(slo, 'metadata.name', '-orders'), 'metadata.name', '-orders', 'starting and ending with a letter or digit'),
  c('name as a number', set(slo, 'metadata.name', 42), 'metadata.name', '42', 'not a number'),
  c('name blank', set(slo, 'metadata.name', ' '), 'metadata.name', ' ', 'not blank'),
  c('namespace in upper case', set(slo, 'metadata.namespace', 'Payments'), 'metadata.namespace', 'Payments', 'a Backstage namespace'),
  c('displayName as a number', set(slo, 'metadata.displayName', 7), 'metadata.displayName', '7', 'a text, not a number'),
  c('labels as a list', set(slo, 'metadata.labels', ['team-a']), 'metadata.labels', '["team-a"]', 'a mapping of label keys'),
  c('label value a number', set(slo, 'metadata.labels', { tier: 1 }), 'metadata.labels.tier', '1', 'a string or a list of strings'),
  c('label list holding a number', set(slo, 'metadata.labels', { team: ['a', 2] }), 'metadata.labels.team', '["a",2]', 'a string or a list of strings'),
  c('label key with a space', set(slo, 'metadata.labels', { 'team name': 'a' }), 'metadata.labels.team name', 'team name', 'a label key'),
  c('annotations as a list', set(slo, 'metadata.annotations', ['x']), 'metadata.annotations', '["x"]', 'a mapping of annotation keys to strings'),
  c('annotation value a number', set(slo, 'metadata.annotations', { 'vigil/rank': 3 }), 'metadata.annotations.vigil/rank', '3', 'a string (quote numbers and booleans)'),
  c('annotation key with a bang', set(slo, 'metadata.annotations', { 'bad key!': 'x' }), 'metadata.annotations.bad key!', 'bad key!', 'an annotation key'),
  c('slo kind not a word', set(slo, 'metadata.annotations', { 'vigil/slo-kind': 'Latency' }), 'metadata.annotations.vigil/slo-kind', 'Latency', 'one lower-case word'),
  c('slo kind label not a word', set(slo, 'metadata.labels', { 'vigil/slo-kind': ['a', 'b'] }), 'metadata.labels.vigil/slo-kind', '["a","b"]', 'one lower-case word'),
  c('moved labels not JSON', set(slo, 'metadata.annotations', { 'vigil/openslo-labels': '{team' }), 'metadata.annotations.vigil/openslo-labels', '{team', 'the JSON of a mapping'),
  c('moved label holding a number', set(slo, 'metadata.annotations', { 'vigil/openslo-labels': '{"tier":1}' }), 'metadata.labels.tier', '1', 'a string or a list of strings'),

  // spec, service, description
  c('spec missing', set(slo, 'spec', undefined), 'spec', null, 'a mapping with service'),
  c('spec is a list', set(slo, 'spec', []), 'spec', '[]', 'not a list'),
  c('description too long', set(slo, 'spec.description', 'x'.repeat(1051)), 'spec.description', '1051 characters', 'at most 1050 characters'),
  c('description as a list', set(slo, 'spec.description', ['a']), 'spec.description', '["a"]', 'not a list'),
  c('service missing', set(slo, 'spec.service', undefined), 'spec.service', null, 'the service the SLO belongs to'),
  c('service as a number', set(slo, 'spec.service', 12), 'spec.service', '12', 'not a number'),
  c('service with a space', set(slo, 'spec.service', 'Orders API'), 'spec.service', 'Orders API', 'an entity reference [<kind>:][<namespace>/]<name>'),
  c('service ending with a slash', set(slo, 'spec.service', 'orders/'), 'spec.service', 'orders/', 'an entity reference'),
  c('service as a mapping', set(slo, 'spec.service', { name: 'orders' }), 'spec.service', '{"name":"orders"}', 'not a mapping'),

  // indicator / indicatorRef
  c('neither indicator nor indicatorRef', set(slo, ind, undefined), ind, null, 'indicator (an inline SLI with metadata and spec) or indicatorRef'),
  c('both indicator and indicatorRef', set(slo, 'spec.indicatorRef', 'orders-sli'), 'spec.indicatorRef', 'orders-sli', 'exactly one of indicator'),
  c('indicatorRef not a name', set(calendarSlo, 'spec.indicatorRef', 'Orders_SLI'), 'spec.indicatorRef', 'Orders_SLI', 'the name of an SLI'),
  c('indicatorRef as a number', set(calendarSlo, 'spec.indicatorRef', 5), 'spec.indicatorRef', '5', 'not a number'),
  c('indicator as a string', set(slo, ind, 'orders-good-ratio'), ind, 'orders-good-ratio', 'not a string'),
  c('indicator without metadata', set(slo, `${ind}.metadata`, undefined), `${ind}.metadata`, null, 'a mapping with at least a name'),
  c('indicator without a name', set(slo, `${ind}.metadata.name`, undefined), `${ind}.metadata.name`, null, 'RFC 1123 label'),
  c('indicator name in upper case', set(slo, `${ind}.metadata.name`, 'Good'), `${ind}.metadata.name`, 'Good', 'upper-case letters are not allowed'),
  c('indicator without spec', set(slo, `${ind}.spec`, undefined), `${ind}.spec`, null, 'a mapping with ratioMetric or thresholdMetric'),
  c('indicator spec with neither metric', set(slo, `${ind}.spec`, { description: 'x' }), `${ind}.spec.ratioMetric`, null, 'ratioMetric (good or bad events over total events) or thresholdMetric'),
  c('indicator spec with both metrics', set(slo, `${ind}.spec.thresholdMetric`, thresholdSlo().spec.indicator.spec.thresholdMetric), `${ind}.spec.thresholdMetric`, JSON.stringify(thresholdSlo().spec.indicator.spec.thresholdMetric), 'exactly one of ratioMetric or thresholdMetric'),
  c('ratioMetric as a string', set(slo, ratio, 'good/total'), ratio, 'good/total', 'not a string'),
  c('counter as a string', set(slo, `${ratio}.counter`, 'true'), `${ratio}.counter`, 'true', 'a boolean, not a string (remove the quotes)'),
  c('counter as yes', set(slo, `${ratio}.counter`, 'yes'), `${ratio}.counter`, 'yes', 'true for a monotonically increasing counter'),
  c('total missing', set(slo, `${ratio}.total`, undefined), `${ratio}.total`, null, 'a mapping with a metricSource'),
  c('good and bad both', set(slo, `${ratio}.bad`, slo.spec.indicator.spec.ratioMetric.good), `${ratio}.bad`, `${JSON.stringify(slo.spec.indicator.spec.ratioMetric.good).slice(0, 119)}…`, 'exactly one of good or bad'),
  c('neither good nor bad', set(slo, `${ratio}.good`, undefined), `${ratio}.good`, null, 'good (the numerator of good/total) or bad'),
  c('raw with total', set(rawRatioSlo(), `${ratio}.total`, { metricSource: { type: 'X', spec: {} } }), `${ratio}.total`, '{"metricSource":{"type":"X","spec":{}}}', 'raw (a precomputed ratio) cannot be combined'),
  c('raw without rawType', set(rawRatioSlo(), `${ratio}.rawType`, undefined), `${ratio}.rawType`, null, 'required with raw'),
  c('rawType capitalised', set(rawRatioSlo(), `${ratio}.rawType`, 'Success'), `${ratio}.rawType`, 'Success', 'did you mean success?'),
  c('rawType with good and total', set(slo, `${ratio}.rawType`, 'success'), `${ratio}.rawType`, 'success', 'rawType goes with raw only'),
  c('good without metricSource', set(slo, good, undefined), good, null, 'metricSourceRef (a data source name) or type, and spec'),
  c('good as a list', set(slo, `${ratio}.good`, []), `${ratio}.good`, '[]', 'a mapping with a metricSource, not a list'),
  c('metricSource without spec', set(slo, `${good}.spec`, undefined), `${good}.spec`, null, 'a mapping of the fields the data source needs'),
  c('metricSource spec as a query string', set(slo, `${good}.spec`, 'sum(x)'), `${good}.spec`, 'sum(x)', 'not a string'),
  c('metricSource with neither ref nor type', set(slo, `${good}.metricSourceRef`, undefined), `${good}.metricSourceRef`, null, 'metricSourceRef (the name of a data source) or type'),
  c('metricSourceRef with a space', set(slo, `${good}.metricSourceRef`, 'Prometheus Main'), `${good}.metricSourceRef`, 'Prometheus Main', 'RFC 1123 label'),
  c('metricSourceRef as a number', set(slo, `${good}.metricSourceRef`, 9), `${good}.metricSourceRef`, '9', 'not a number'),
  c('metricSource type as a boolean', set(thresholdSlo(), `${ind}.spec.thresholdMetric.metricSource.type`, true), `${ind}.spec.thresholdMetric.metricSource.type`, 'true', 'a data source type, not a boolean'),
  c('thresholdMetric without metricSource', set(thresholdSlo(), `${ind}.spec.thresholdMetric`, { query: 'x' }), `${ind}.spec.thresholdMetric.metricSource`, null, 'metricSourceRef (a data source name) or type'),
  c('indicator description as a number', set(slo, `${ind}.spec.description`, 3), `${ind}.spec.description`, '3', 'a text of at most 1050 characters, not a number'),

  // timeWindow
  c('timeWindow missing', set(slo, 'spec.timeWindow', undefined), 'spec.timeWindow', null, 'a list of exactly one time window'),
  c('timeWindow as a mapping', set(slo, 'spec.timeWindow', { duration: '28d', isRolling: true }), 'spec.timeWindow', '{"duration":"28d","isRolling":true}', 'write it as a list item'),
  c('timeWindow empty', set(slo, 'spec.timeWindow', []), 'spec.timeWindow', '[]', 'exactly one time window, not 0'),
  c('two time windows', set(slo, 'spec.timeWindow', [{ duration: '28d', isRolling: true }, { duration: '7d', isRolling: true }]), 'spec.timeWindow', '[{"duration":"28d","isRolling":true},{"duration":"7d","isRolling":true}]', 'exactly one time window, not 2'),
  c('time window as a string', set(slo, 'spec.timeWindow', ['28d']), tw, '28d', 'a mapping with duration, and isRolling or calendar, not a string'),
  c('duration missing', set(slo, `${tw}.duration`, undefined), `${tw}.duration`, null, 'a positive whole number and one unit of m h d w M Q Y'),
  c('duration without a unit', set(slo, `${tw}.duration`, '28'), `${tw}.duration`, '28', 'the unit is missing'),
  c('duration as a bare number', set(slo, `${tw}.duration`, 28), `${tw}.duration`, '28', 'a bare number has no unit'),
  c('duration in seconds', set(slo, `${tw}.duration`, '3600s'), `${tw}.duration`, '3600s', 'OpenSLO v1 has no seconds unit'),
  c('duration of zero', set(slo, `${tw}.duration`, '0d'), `${tw}.duration`, '0d', 'a positive whole number'),
  c('duration with a fraction', set(slo, `${tw}.duration`, '1.5h'), `${tw}.duration`, '1.5h', 'a positive whole number'),
  c('duration unit in the wrong case', set(slo, `${tw}.duration`, '28D'), `${tw}.duration`, '28D', 'did you mean 28d? units are case-sensitive'),
  c('duration in words', set(slo, `${tw}.duration`, '4 weeks'), `${tw}.duration`, '4 weeks', 'one unit of m h d w M Q Y'),
  c('duration with a leading space', set(slo, `${tw}.duration`, ' 28d'), `${tw}.duration`, ' 28d', 'without spaces'),
  c('rolling calendar month', set(slo, `${tw}.duration`, '1M'), `${tw}.duration`, '1M', 'a calendar month, quarter or year (M Q Y) has no fixed length; use e.g. 30d'),
  c('rolling calendar quarter', set(slo, `${tw}.duration`, '1Q'), `${tw}.duration`, '1Q', 'use e.g. 90d'),
  c('rolling calendar year', set(slo, `${tw}.duration`, '1Y'), `${tw}.duration`, '1Y', 'use e.g. 365d'),
  c('isRolling as a string', set(slo, `${tw}.isRolling`, 'true'), `${tw}.isRolling`, 'true', 'a boolean, not a string'),
  c('isRolling missing without calendar', set(slo, `${tw}.isRolling`, undefined), `${tw}.isRolling`, null, 'true for a rolling window, or false with a calendar'),
  c('calendar on a rolling window', set(slo, cal, { startTime: '2024-01-01 00:00:00', timeZone: 'UTC' }), cal, '{"startTime":"2024-01-01 00:00:00","timeZone":"UTC"}', 'no calendar on a rolling window'),
  c('rolling calendar month with a calendar', set(calendarSlo, `${tw}.isRolling`, true), `${tw}.duration`, '1M', 'has no fixed length', [cal]),
  c('calendar window without calendar', set(slo, `${tw}.isRolling`, false), cal, null, 'a calendar with startTime and timeZone, since the window is not rolling'),
  c('calendar as a string', set(calendarSlo, cal, 'monthly'), cal, 'monthly', 'not a string'),
  c('startTime missing', set(calendarSlo, `${cal}.startTime`, undefined), `${cal}.startTime`, null, 'YYYY-MM-DD HH:mm:ss'),
  c('startTime without time', set(calendarSlo, `${cal}.startTime`, '2024-01-01'), `${cal}.startTime`, '2024-01-01', 'a date and 24-hour time without time zone'),
  c('startTime in ISO form', set(calendarSlo, `${cal}.startTime`, '2024-01-01T00:00:00Z'), `${cal}.startTime`, '2024-01-01T00:00:00Z', 'a space, not T, between date and time'),
  c('startTime on February 30', set(calendarSlo, `${cal}.startTime`, '2024-02-30 00:00:00'), `${cal}.startTime`, '2024-02-30 00:00:00', 'a real date and time'),
  c('startTime at 24:00', set(calendarSlo, `${cal}.startTime`, '2024-01-01 24:00:00'), `${cal}.startTime`, '2024-01-01 24:00:00', 'a real date and time'),
  c('startTime as a number', set(calendarSlo, `${cal}.startTime`, 20240101), `${cal}.startTime`, '20240101', 'not a number'),
  c('timeZone missing', set(calendarSlo, `${cal}.timeZone`, undefined), `${cal}.timeZone`, null, 'an IANA time zone name'),
  c('timeZone unknown', set(calendarSlo, `${cal}.timeZone`, 'Mars/Olympus'), `${cal}.timeZone`, 'Mars/Olympus', 'an IANA time zone name'),
  c('timeZone in lower case', set(calendarSlo, `${cal}.timeZone`, 'america/new_york'), `${cal}.timeZone`, 'america/new_york', 'did you mean America/New_York? case matters'),
  c('timeZone as an offset', set(calendarSlo, `${cal}.timeZone`, '+01:00'), `${cal}.timeZone`, '+01:00', 'a zone name, not an offset'),
  c('timeZone utc in lower case', set(calendarSlo, `${cal}.timeZone`, 'utc'), `${cal}.timeZone`, 'utc', 'did you mean UTC?'),

  // budgetingMethod
  c('budgetingMethod missing', set(slo, 'spec.budgetingMethod', undefined), 'spec.budgetingMethod', null, 'one of Occurrences, Timeslices, RatioTimeslices'),
  c('budgetingMethod in lower case', set(slo, 'spec.budgetingMethod', 'occurrences'), 'spec.budgetingMethod', 'occurrences', 'did you mean Occurrences?'),
  c('budgetingMethod TimeSlices', set(calendarSlo, 'spec.budgetingMethod', 'TimeSlices'), 'spec.budgetingMethod', 'TimeSlices', 'did you mean Timeslices?'),
  c('budgetingMethod unknown', set(slo, 'spec.budgetingMethod', 'Ratio'), 'spec.budgetingMethod', 'Ratio', 'one of Occurrences, Timeslices, RatioTimeslices'),
  c('budgetingMethod as a number', set(slo, 'spec.budgetingMethod', 1), 'spec.budgetingMethod', '1', 'not a number'),

  // objectives
  c('objectives missing', set(slo, 'spec.objectives', undefined), 'spec.objectives', null, 'a list of at least one objective'),
  c('objectives empty', set(slo, 'spec.objectives', []), 'spec.objectives', '[]', 'not an empty list'),
  c('objectives as a mapping', set(slo, 'spec.objectives', { target: 0.999 }), 'spec.objectives', '{"target":0.999}', 'write each as a list item'),
  c('objective as a number', set(slo, 'spec.objectives', [0.999]), obj, '0.999', 'a mapping with target or targetPercent, not a number'),
  c('neither target nor targetPercent', set(slo, obj, { displayName: 'x' }), `${obj}.target`, null, 'target (a number in [0, 1)) or targetPercent'),
  c('both target and targetPercent', set(slo, `${obj}.targetPercent`, 99.9), `${obj}.targetPercent`, '99.9', 'exactly one of target'),
  c('target as a string', set(slo, `${obj}.target`, '0.999'), `${obj}.target`, '0.999', 'a number, not a string (remove the quotes)'),
  c('target of 1', set(slo, `${obj}.target`, 1), `${obj}.target`, '1', 'a 100% objective leaves no error budget'),
  c('target written as a percentage', set(slo, `${obj}.target`, 99.9), `${obj}.target`, '99.9', 'did you mean targetPercent: 99.9?'),
  c('target negative', set(slo, `${obj}.target`, -0.1), `${obj}.target`, '-0.1', 'a number in [0, 1)'),
  c('target NaN as a string', set(slo, `${obj}.target`, 'NaN'), `${obj}.target`, 'NaN', 'not a string'),
  c('target NaN as a number', ((d = ratioSlo()) => { d.spec.objectives[0].target = NaN; return d; })(), `${obj}.target`, 'NaN', 'a number in [0, 1): a finite number'),
  c('target Infinity', ((d = ratioSlo()) => { d.spec.objectives[0].target = Infinity; return d; })(), `${obj}.target`, 'Infinity', 'a finite number'),
  c('target as a bigint', ((d = ratioSlo()) => { d.spec.objectives[0].target = BigInt(1); return d; })(), `${obj}.target`, '1', 'a number in [0, 1), not a bigint'),
  c('target too large to be a percentage', set(slo, `${obj}.target`, 1000), `${obj}.target`, '1000', 'a number in [0, 1)'),
  c('targetPercent of 100', set(calendarSlo, `${obj}.targetPercent`, 100), `${obj}.targetPercent`, '100', 'a number in [0, 100): a 100% objective leaves no error budget'),
  c('targetPercent as a string', set(calendarSlo, `${obj}.targetPercent`, '99.5'), `${obj}.targetPercent`, '99.5', 'a number, not a string'),
  c('targetPercent above 100', set(calendarSlo, `${obj}.targetPercent`, 150), `${obj}.targetPercent`, '150', 'a number in [0, 100)'),
  c('targetPercent negative', set(calendarSlo, `${obj}.targetPercent`, -1), `${obj}.targetPercent`, '-1', 'a number in [0, 100)'),
  c('op unknown', set(thresholdSlo(), `${obj}.op`, 'le'), `${obj}.op`, 'le', 'one of lt, lte, gt, gte'),
  c('op as a symbol', set(thresholdSlo(), `${obj}.op`, '<='), `${obj}.op`, '<=', 'one of lt, lte, gt, gte'),
  c('op missing on a threshold SLO', set(thresholdSlo(), `${obj}.op`, undefined), `${obj}.op`, null, 'required with a thresholdMetric indicator'),
  c('value missing on a threshold SLO', set(thresholdSlo(), `${obj}.value`, undefined), `${obj}.value`, null, 'required with a thresholdMetric indicator'),
  c('value as a string', set(thresholdSlo(), `${obj}.value`, '300'), `${obj}.value`, '300', 'a number, not a string (remove the quotes)'),
  c('value with a unit', set(thresholdSlo(), `${obj}.value`, '300ms'), `${obj}.value`, '300ms', 'a number the measured value is compared with'),
  c('two thresholds on a thresholdMetric SLO', set(thresholdSlo(), 'spec.objectives', [{ op: 'lte', value: 300, target: 0.99 }, { op: 'lte', value: 1000, target: 0.999 }]), 'spec.objectives', '2 objectives', 'exactly one objective with a thresholdMetric indicator'),
  c('Timeslices without timeSliceTarget', set(calendarSlo, `${obj}.timeSliceTarget`, undefined), `${obj}.timeSliceTarget`, null, 'required with budgetingMethod Timeslices'),
  c('Timeslices without timeSliceWindow', set(calendarSlo, `${obj}.timeSliceWindow`, undefined), `${obj}.timeSliceWindow`, null, 'required with budgetingMethod Timeslices'),
  c('RatioTimeslices without timeSliceWindow', set(rawRatioSlo(), `${obj}.timeSliceWindow`, undefined), `${obj}.timeSliceWindow`, null, 'required with budgetingMethod RatioTimeslices'),
  c('timeSliceTarget of 0', set(calendarSlo, `${obj}.timeSliceTarget`, 0), `${obj}.timeSliceTarget`, '0', 'a number in (0, 1]'),
  c('timeSliceTarget as a percentage', set(calendarSlo, `${obj}.timeSliceTarget`, 95), `${obj}.timeSliceTarget`, '95', 'did you mean 0.95?'),
  c('timeSliceTarget as a string', set(calendarSlo, `${obj}.timeSliceTarget`, '0.95'), `${obj}.timeSliceTarget`, '0.95', 'a number, not a string'),
  c('timeSliceWindow of a month', set(calendarSlo, `${obj}.timeSliceWindow`, '1M'), `${obj}.timeSliceWindow`, '1M', 'months, quarters and years have no fixed length'),
  c('timeSliceWindow in seconds', set(calendarSlo, `${obj}.timeSliceWindow`, '30s'), `${obj}.timeSliceWindow`, '30s', 'OpenSLO v1 has no seconds unit'),
  c('timeSliceWindow as a quoted number', set(calendarSlo, `${obj}.timeSliceWindow`, '5'), `${obj}.timeSliceWindow`, '5', 'or a whole number of minutes: a number, not a string: remove the quotes, or add a unit'),
  c('timeSliceWindow as a fraction of minutes', set(calendarSlo, `${obj}.timeSliceWindow`, 1.5), `${obj}.timeSliceWindow`, '1.5', 'or a whole number of minutes'),
  c('timeSliceWindow of zero minutes', set(calendarSlo, `${obj}.timeSliceWindow`, 0), `${obj}.timeSliceWindow`, '0', 'or a whole number of minutes'),
  c('time slice as long as the window', set(rawRatioSlo(), `${obj}.timeSliceWindow`, '30d'), `${obj}.timeSliceWindow`, '30d', 'a time slice shorter than the time window (30d)'),
  c('time slice longer than a calendar month', set(calendarSlo, `${obj}.timeSliceWindow`, '5w'), `${obj}.timeSliceWindow`, '5w', 'a time slice shorter than the time window (1M)'),
  c('one-minute calendar window meant as a month', set(calendarSlo, `${tw}.duration`, '1m'), `${obj}.timeSliceWindow`, '5m', 'note that 1m is 1 minute (a calendar month is 1M)'),

  // composite SLOs
  c('composite with an SLO-level indicatorRef', set(compositeSlo(), 'spec.indicatorRef', 'orders-good-ratio'), 'spec.indicatorRef', 'orders-good-ratio', 'the indicator goes either in spec or in every objective, not both'),
  c('composite objective without an indicator', set(compositeSlo(), 'spec.objectives[1].indicatorRef', undefined), 'spec.objectives[1].indicator', null, 'indicator (an inline SLI with metadata and spec) or indicatorRef'),
  c('composite objective with both', set(compositeSlo(), 'spec.objectives[0].indicatorRef', 'x'), `${obj}.indicatorRef`, 'x', 'exactly one of indicator'),
  c('compositeWeight of 0', set(compositeSlo(), 'spec.objectives[1].compositeWeight', 0), 'spec.objectives[1].compositeWeight', '0', 'a number greater than 0'),
  c('compositeWeight as a string', set(compositeSlo(), 'spec.objectives[1].compositeWeight', '2'), 'spec.objectives[1].compositeWeight', '2', 'a number, not a string'),
  c('objective displayName as a list', set(slo, `${obj}.displayName`, ['a']), `${obj}.displayName`, '["a"]', 'a text, not a list'),

  // alertPolicies
  c('alertPolicies as a string', set(slo, 'spec.alertPolicies', 'page-sre'), 'spec.alertPolicies', 'page-sre', 'a list of alert policies'),
  c('alertPolicy without a ref', set(slo, 'spec.alertPolicies', [{ name: 'x' }]), 'spec.alertPolicies[0]', '{"name":"x"}', '{ alertPolicyRef: <name> }'),

  // SLI documents
  c('SLI without spec', set(ratioSli(), 'spec', undefined), 'spec', null, 'a mapping with ratioMetric or thresholdMetric'),
  c('SLI spec with neither metric', set(ratioSli(), 'spec.ratioMetric', undefined), 'spec.ratioMetric', null, 'ratioMetric (good or bad events over total events) or thresholdMetric'),
  c('SLI ratio without total', set(ratioSli(), 'spec.ratioMetric.total', undefined), 'spec.ratioMetric.total', null, 'a mapping with a metricSource'),
  c('SLI without a name', set(ratioSli(), 'metadata.name', undefined), 'metadata.name', null, 'RFC 1123 label'),
  c('SLI thresholdMetric as a string', set(set(ratioSli(), 'spec.ratioMetric', undefined), 'spec.thresholdMetric', 'latency'), 'spec.thresholdMetric', 'latency', 'a mapping with a metricSource, not a string'),
  c('SLI description too long', set(ratioSli(), 'spec.description', 'y'.repeat(2000)), 'spec.description', '2000 characters', 'at most 1050 characters'),
  c('SLI bad metricSource spec missing', set(ratioSli(), 'spec.ratioMetric.bad.metricSource.spec', undefined), 'spec.ratioMetric.bad.metricSource.spec', null, '({} for the builtin source)'),
];

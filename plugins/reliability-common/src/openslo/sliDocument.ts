import { CommonValidatorFunctions } from '@backstage/catalog-model';
import { readDescription, readMetadata } from './metadata';
import { Obj, own, Problems } from './problems';
import { ServiceLevelIndicator, SliSpec, SloMetricSource } from './types';

type MetricSpec = { metricSource: SloMetricSource };

const METRIC_EXAMPLE =
  "metricSource: { metricSourceRef: prometheus-main, spec: { query: 'sum(rate(http_requests_total[5m]))' } }";

function readMetricSource(
  problems: Problems,
  value: unknown,
  field: string,
): MetricSpec | undefined {
  const holder = problems.object(value, field, {
    required: true,
    expected: 'a mapping with a metricSource',
    example: `{ ${METRIC_EXAMPLE} }`,
  });
  if (!holder) return undefined;
  const sourceField = `${field}.metricSource`;
  const source = problems.object(own(holder, 'metricSource'), sourceField, {
    required: true,
    expected:
      'a mapping with metricSourceRef (a data source name) or type, and spec',
    example: METRIC_EXAMPLE,
  });
  if (!source) return undefined;
  const before = problems.errors.length;
  const metricSourceRef = problems.string(
    own(source, 'metricSourceRef'),
    `${sourceField}.metricSourceRef`,
    {
      expected:
        'the name of a data source (an entry of reliability.dataSources)',
      example: 'metricSourceRef: prometheus-main',
    },
  );
  if (
    metricSourceRef !== undefined &&
    !CommonValidatorFunctions.isValidDnsLabel(metricSourceRef)
  ) {
    problems.add(
      `${sourceField}.metricSourceRef`,
      metricSourceRef,
      'the name of a data source: lower-case letters, digits and "-" (RFC 1123 label)',
      'metricSourceRef: prometheus-main',
    );
  }
  const type = problems.string(own(source, 'type'), `${sourceField}.type`, {
    expected: 'a data source type',
    example: 'type: Prometheus',
  });
  if (
    own(source, 'metricSourceRef') === undefined &&
    own(source, 'type') === undefined
  ) {
    problems.add(
      `${sourceField}.metricSourceRef`,
      undefined,
      'metricSourceRef (the name of a data source) or type (when no data source is referenced)',
      'metricSourceRef: prometheus-main',
    );
  }
  const spec = problems.object(own(source, 'spec'), `${sourceField}.spec`, {
    required: true,
    expected:
      'a mapping of the fields the data source needs, such as a query ({} for the builtin source)',
    example: "spec: { query: 'sum(rate(http_requests_total[5m]))' }",
  });
  if (!spec || problems.errors.length > before) return undefined;
  return {
    metricSource: {
      ...(metricSourceRef !== undefined ? { metricSourceRef } : {}),
      ...(type !== undefined ? { type } : {}),
      spec,
    },
  };
}

function readRatioMetric(
  problems: Problems,
  ratio: Obj,
  field: string,
): SliSpec['ratioMetric'] | undefined {
  const before = problems.errors.length;
  const counter = problems.boolean(own(ratio, 'counter'), `${field}.counter`, {
    expected:
      'true for a monotonically increasing counter, false for a value that goes up and down',
    example: 'counter: true',
  });
  const has = (key: string) => own(ratio, key) !== undefined;
  const result: NonNullable<SliSpec['ratioMetric']> = {
    counter: counter ?? false,
  };

  if (has('raw')) {
    for (const key of ['total', 'good', 'bad']) {
      if (has(key)) {
        problems.add(
          `${field}.${key}`,
          own(ratio, key),
          `nothing: raw (a precomputed ratio) cannot be combined with good, bad or total`,
          'raw: { metricSource: { metricSourceRef: prometheus-main, spec: { query: ... } } }',
        );
      }
    }
    result.rawType = problems.oneOf(
      own(ratio, 'rawType'),
      `${field}.rawType`,
      ['success', 'failure'] as const,
      {
        required: true,
        expected:
          'success (raw is good/total) or failure (raw is bad/total), required with raw',
        example: 'rawType: success',
      },
    );
    result.raw = readMetricSource(problems, own(ratio, 'raw'), `${field}.raw`);
  } else {
    if (has('rawType')) {
      problems.add(
        `${field}.rawType`,
        own(ratio, 'rawType'),
        'nothing: rawType goes with raw only; good or bad already says what is counted',
        'good: { metricSource: ... }',
      );
    }
    if (has('good') && has('bad')) {
      problems.add(
        `${field}.bad`,
        own(ratio, 'bad'),
        'nothing when good is set: exactly one of good or bad',
        'good: { metricSource: ... }',
      );
    } else if (!has('good') && !has('bad')) {
      problems.add(
        `${field}.good`,
        undefined,
        'good (the numerator of good/total) or bad (of bad/total), or raw with rawType',
        `good: { ${METRIC_EXAMPLE} }`,
      );
    } else if (has('good')) {
      result.good = readMetricSource(
        problems,
        own(ratio, 'good'),
        `${field}.good`,
      );
    } else {
      result.bad = readMetricSource(
        problems,
        own(ratio, 'bad'),
        `${field}.bad`,
      );
    }
    result.total = readMetricSource(
      problems,
      own(ratio, 'total'),
      `${field}.total`,
    );
  }
  return problems.errors.length > before ? undefined : result;
}

/**
 * Reads an SLI `spec` (of an SLI document or an inlined indicator): exactly
 * one of ratioMetric or thresholdMetric, and the spec's description apart.
 */
export function readSliSpec(
  problems: Problems,
  value: unknown,
  field: string,
): { spec: SliSpec; description?: string } | undefined {
  const spec = problems.object(value, field, {
    required: true,
    expected: 'a mapping with ratioMetric or thresholdMetric',
    example: 'spec: { thresholdMetric: { metricSource: ... } }',
  });
  if (!spec) return undefined;
  const before = problems.errors.length;
  const description = readDescription(
    problems,
    own(spec, 'description'),
    `${field}.description`,
  );
  const ratioValue = own(spec, 'ratioMetric');
  const thresholdValue = own(spec, 'thresholdMetric');
  // One literal per shape, not `{}` grown field by field: see drProfile
  // in profile.ts on V8's shared maps.
  let sliSpec: SliSpec = {};
  if (ratioValue !== undefined && thresholdValue !== undefined) {
    problems.add(
      `${field}.thresholdMetric`,
      thresholdValue,
      'nothing when ratioMetric is set: exactly one of ratioMetric or thresholdMetric',
      'ratioMetric: { counter: true, good: ..., total: ... }',
    );
  } else if (ratioValue === undefined && thresholdValue === undefined) {
    problems.add(
      `${field}.ratioMetric`,
      undefined,
      'ratioMetric (good or bad events over total events) or thresholdMetric (a value compared with the objective)',
      'ratioMetric: { counter: true, good: { metricSource: ... }, total: { metricSource: ... } }',
    );
  } else if (ratioValue !== undefined) {
    const ratio = problems.object(ratioValue, `${field}.ratioMetric`, {
      expected:
        'a mapping with counter, total and good or bad (or raw and rawType)',
      example:
        'ratioMetric: { counter: true, good: { metricSource: ... }, total: { metricSource: ... } }',
    });
    if (ratio) {
      sliSpec = {
        ratioMetric: readRatioMetric(problems, ratio, `${field}.ratioMetric`),
      };
    }
  } else {
    sliSpec = {
      thresholdMetric: readMetricSource(
        problems,
        thresholdValue,
        `${field}.thresholdMetric`,
      ),
    };
  }
  if (problems.errors.length > before) return undefined;
  return { spec: sliSpec, description };
}

/**
 * Reads an SLI: `metadata` and `spec`, under `prefix` (empty for an SLI
 * document, `spec.indicator` or `spec.objectives[0].indicator` inline).
 */
export function readIndicator(
  problems: Problems,
  metadataValue: unknown,
  specValue: unknown,
  prefix: string,
): ServiceLevelIndicator | undefined {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const metadata = readMetadata(
    problems,
    metadataValue,
    at('metadata'),
    'orders-good-ratio',
  );
  const read = readSliSpec(problems, specValue, at('spec'));
  if (!metadata || !read) return undefined;
  const { spec, description } = read;
  return {
    name: metadata.name,
    ...(metadata.displayName !== undefined
      ? { displayName: metadata.displayName }
      : {}),
    ...(description !== undefined ? { description } : {}),
    spec,
  };
}

/** Parses the body of an `SLI` document (apiVersion and kind already checked). */
export function parseSliBody(doc: Obj, problems: Problems) {
  return readIndicator(problems, own(doc, 'metadata'), own(doc, 'spec'), '');
}

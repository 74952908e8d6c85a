import { CommonValidatorFunctions } from '@backstage/catalog-model';
import { isObj, Obj, own, Problems } from './problems';
import { readIndicator } from './sliDocument';
import { ServiceLevelIndicator } from './types';

/** What is known of an indicator before it is resolved. */
export type IndicatorType = 'ratio' | 'threshold' | 'unknown';

/** The indicator of an SLO (or of one objective of a composite SLO). */
export interface IndicatorChoice {
  indicator?: ServiceLevelIndicator;
  indicatorRef?: string;
  /** From the inline indicator's spec, even when the rest of it is invalid. */
  type: IndicatorType;
}

/** Whether `holder` names an indicator at all. */
export function hasIndicator(holder: Obj): boolean {
  return (
    own(holder, 'indicator') !== undefined ||
    own(holder, 'indicatorRef') !== undefined
  );
}

function typeOfInline(value: unknown): IndicatorType {
  const spec = isObj(value) ? own(value, 'spec') : undefined;
  if (!isObj(spec)) return 'unknown';
  const ratio = own(spec, 'ratioMetric') !== undefined;
  const threshold = own(spec, 'thresholdMetric') !== undefined;
  if (ratio === threshold) return 'unknown';
  return ratio ? 'ratio' : 'threshold';
}

/**
 * Reads exactly one of `indicator` (inline SLI) or `indicatorRef` (an SLI's
 * name) from `holder`, whose path is `prefix`.
 */
export function readIndicatorChoice(
  problems: Problems,
  holder: Obj,
  prefix: string,
): IndicatorChoice {
  const inline = own(holder, 'indicator');
  const refValue = own(holder, 'indicatorRef');
  if (inline !== undefined && refValue !== undefined) {
    problems.add(
      `${prefix}.indicatorRef`,
      refValue,
      'nothing when indicator is set: exactly one of indicator (an inline SLI) or indicatorRef (the name of an SLI)',
      'indicatorRef: orders-good-ratio',
    );
    return { type: typeOfInline(inline) };
  }
  if (refValue !== undefined) {
    const field = `${prefix}.indicatorRef`;
    const ref = problems.string(refValue, field, {
      expected: 'the name of an SLI (lower-case letters, digits and "-")',
      example: 'indicatorRef: orders-good-ratio',
    });
    if (ref !== undefined && !CommonValidatorFunctions.isValidDnsLabel(ref)) {
      problems.add(
        field,
        ref,
        'the name of an SLI (lower-case letters, digits and "-", RFC 1123 label)',
        'indicatorRef: orders-good-ratio',
      );
      return { type: 'unknown' };
    }
    return { indicatorRef: ref, type: 'unknown' };
  }
  const field = `${prefix}.indicator`;
  const object = problems.object(inline, field, {
    required: true,
    expected:
      'indicator (an inline SLI with metadata and spec) or indicatorRef (the name of an SLI)',
    example: 'indicatorRef: orders-good-ratio',
  });
  if (!object) return { type: 'unknown' };
  const indicator = readIndicator(
    problems,
    own(object, 'metadata'),
    own(object, 'spec'),
    field,
  );
  return { indicator, type: typeOfInline(object) };
}

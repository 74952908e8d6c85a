import {
  KubernetesValidatorFunctions,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  hasIndicator,
  IndicatorChoice,
  readIndicatorChoice,
} from './indicatorChoice';
import { readDescription, readMetadata } from './metadata';
import { readObjectives } from './objectives';
import { isObj, Obj, own, Problems } from './problems';
import { readTimeWindow } from './timeWindow';
import { BUDGETING_METHODS, ServiceLevelObjective, SliSpec } from './types';

/**
 * What an SLI measures, by its shape: a threshold on a value is a latency
 * SLO (the usual case), a ratio of events an availability SLO.
 *
 * @public
 */
export function inferSloKind(spec: SliSpec): 'availability' | 'latency' {
  return spec.thresholdMetric ? 'latency' : 'availability';
}

const SERVICE_EXPECTED =
  'the service the SLO belongs to: an entity reference [<kind>:][<namespace>/]<name>, kind Component when omitted';

function readService(problems: Problems, spec: Obj): string | undefined {
  const field = 'spec.service';
  const service = problems.string(own(spec, 'service'), field, {
    required: true,
    expected: SERVICE_EXPECTED,
    example: 'service: orders',
  });
  if (service === undefined) return undefined;
  let valid = false;
  try {
    const ref = parseEntityRef(service, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
    valid =
      KubernetesValidatorFunctions.isValidKind(ref.kind) &&
      KubernetesValidatorFunctions.isValidNamespace(ref.namespace) &&
      KubernetesValidatorFunctions.isValidObjectName(ref.name);
  } catch {
    valid = false;
  }
  if (!valid) {
    problems.add(field, service, SERVICE_EXPECTED, 'service: orders');
    return undefined;
  }
  return service;
}

function readAlertPolicies(problems: Problems, value: unknown) {
  const field = 'spec.alertPolicies';
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add(
      field,
      value,
      'a list of alert policies (alertPolicyRef, or an inline AlertPolicy)',
      'alertPolicies: [{ alertPolicyRef: orders-burn-rate }]',
    );
    return;
  }
  value.forEach((item, i) => {
    const ok =
      isObj(item) &&
      (typeof own(item, 'alertPolicyRef') === 'string' ||
        (own(item, 'kind') === 'AlertPolicy' &&
          isObj(own(item, 'metadata')) &&
          isObj(own(item, 'spec'))));
    if (!ok) {
      problems.add(
        `${field}[${i}]`,
        item,
        'an alert policy: { alertPolicyRef: <name> } or an inline { kind: AlertPolicy, metadata, spec }',
        'alertPolicyRef: orders-burn-rate',
      );
    }
  });
}

function sloKindOf(
  choice: IndicatorChoice,
  slo: Pick<ServiceLevelObjective, 'objectives'>,
): string {
  if (choice.indicator) return inferSloKind(choice.indicator.spec);
  const kinds = new Set(
    slo.objectives.map(o =>
      o.indicator ? inferSloKind(o.indicator.spec) : 'unknown',
    ),
  );
  return kinds.size === 1 ? [...kinds][0] : 'unknown';
}

/** Parses the body of an `SLO` document (apiVersion and kind already checked). */
export function parseSloBody(
  doc: Obj,
  problems: Problems,
): ServiceLevelObjective | undefined {
  const metadata = readMetadata(
    problems,
    own(doc, 'metadata'),
    'metadata',
    'orders-availability',
  );
  const spec = problems.object(own(doc, 'spec'), 'spec', {
    required: true,
    expected:
      'a mapping with service, indicator or indicatorRef, timeWindow, budgetingMethod and objectives',
    example: 'spec: { service: orders, indicatorRef: orders-good-ratio, ... }',
  });
  if (!spec) return undefined;

  const description = readDescription(
    problems,
    own(spec, 'description'),
    'spec.description',
  );
  const service = readService(problems, spec);

  const objectivesValue = own(spec, 'objectives');
  const composite =
    Array.isArray(objectivesValue) &&
    objectivesValue.some(o => isObj(o) && hasIndicator(o));
  let choice: IndicatorChoice = { type: 'unknown' };
  if (!composite) {
    choice = readIndicatorChoice(problems, spec, 'spec');
  } else if (hasIndicator(spec)) {
    const key =
      own(spec, 'indicator') !== undefined ? 'indicator' : 'indicatorRef';
    problems.add(
      `spec.${key}`,
      own(spec, key),
      'nothing when objectives name their own indicator (composite SLO): the indicator goes either in spec or in every objective, not both',
      'objectives: [{ indicatorRef: orders-good-ratio, target: 0.999 }]',
    );
  }

  const timeWindow = readTimeWindow(
    problems,
    own(spec, 'timeWindow'),
    'spec.timeWindow',
  );
  const budgetingMethod = problems.oneOf(
    own(spec, 'budgetingMethod'),
    'spec.budgetingMethod',
    BUDGETING_METHODS,
    {
      required: true,
      expected: 'one of Occurrences, Timeslices, RatioTimeslices',
      example: 'budgetingMethod: Occurrences',
    },
  );
  const objectives = readObjectives(
    problems,
    objectivesValue,
    'spec.objectives',
    {
      method: budgetingMethod,
      window: timeWindow,
      indicatorType: choice.type,
      composite,
    },
  );
  readAlertPolicies(problems, own(spec, 'alertPolicies'));

  if (
    problems.errors.length > 0 ||
    !metadata ||
    service === undefined ||
    !timeWindow ||
    !budgetingMethod ||
    !objectives
  ) {
    return undefined;
  }
  const namespace = metadata.namespace;
  return {
    entityRef: `slo:${namespace}/${metadata.name}`,
    name: metadata.name,
    namespace,
    ...(metadata.displayName !== undefined
      ? { displayName: metadata.displayName }
      : {}),
    ...(description !== undefined ? { description } : {}),
    service,
    ...(choice.indicator ? { indicator: choice.indicator } : {}),
    ...(choice.indicatorRef ? { indicatorRef: choice.indicatorRef } : {}),
    timeWindow,
    budgetingMethod,
    objectives,
    sloKind: metadata.sloKind ?? sloKindOf(choice, { objectives }),
  };
}

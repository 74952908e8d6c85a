import { MetadataError } from '../metadataError';
import { Problems } from './problems';
import { ServiceLevelIndicator, ServiceLevelObjective } from './types';

/**
 * The rules that depend on the indicator, for an SLO whose indicator is
 * only referenced (`indicatorRef`, in the SLO or in a composite objective):
 * call it once the SLI is found. With a thresholdMetric SLI an objective
 * needs `op` and `value`, and the SLO holds exactly one objective.
 * `sloKind` can then be inferred with {@link inferSloKind}.
 *
 * @public
 */
export function checkReferencedIndicator(
  slo: ServiceLevelObjective,
  sli: ServiceLevelIndicator,
): MetadataError[] {
  const problems = new Problems(slo.entityRef);
  if (!sli.spec.thresholdMetric) return [];
  const note = `, required because the SLI ${sli.name} is a thresholdMetric`;
  const objectives = slo.objectives
    .map((objective, i) => ({ objective, i }))
    .filter(({ objective }) =>
      slo.indicatorRef !== undefined
        ? slo.indicatorRef === sli.name
        : objective.indicatorRef === sli.name,
    );
  if (slo.indicatorRef === sli.name && slo.objectives.length > 1) {
    problems.add(
      'spec.objectives',
      `${slo.objectives.length} objectives`,
      `exactly one objective with a thresholdMetric indicator (OpenSLO v1 allows one threshold per thresholdMetric SLO; the SLI ${sli.name} is a thresholdMetric)`,
      'objectives: [{ op: lte, value: 300, target: 0.99 }]',
    );
  }
  for (const { objective, i } of objectives) {
    if (objective.op === undefined) {
      problems.add(
        `spec.objectives[${i}].op`,
        undefined,
        `one of lt, lte, gt, gte${note}`,
        'op: lte',
      );
    }
    if (objective.value === undefined) {
      problems.add(
        `spec.objectives[${i}].value`,
        undefined,
        `a number the measured value is compared with${note}`,
        'value: 300',
      );
    }
  }
  return problems.errors;
}

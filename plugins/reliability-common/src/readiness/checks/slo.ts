/*
 * slo-defined (one SLO per kind the tier requires) and slo-target-meets-tier
 * (every objective at least the tier's minimum target). The related SLO
 * entities are read with the OpenSLO parser; their kind is its `sloKind`.
 */
import { SLO_KIND_ANNOTATION } from '../../openslo/types';
import { openSloSkeleton } from '../fixes';
import {
  CheckEvaluator,
  EvaluationContext,
  NO_TIER,
  NOT_A_SERVICE,
  notApplicable,
  RelatedSlo,
} from './context';

const lower = (text: string) => text.toLowerCase();

function validSlos(context: EvaluationContext) {
  return context.slos.filter(
    (s): s is RelatedSlo & { slo: NonNullable<RelatedSlo['slo']> } =>
      s.slo !== undefined,
  );
}

/** Notes on SLOs that cannot count: invalid documents and unknown kinds. */
function sloNotes(context: EvaluationContext): string[] {
  const notes: string[] = [];
  for (const s of context.slos) {
    if (!s.slo) {
      notes.push(
        `${s.entityRef} is not a valid OpenSLO SLO: ${
          s.errors[0]?.message ?? 'it could not be read'
        }`,
      );
    } else if (s.slo.sloKind === 'unknown') {
      notes.push(
        `${s.entityRef} does not say what it measures: add metadata.annotations.${SLO_KIND_ANNOTATION} (e.g. availability)`,
      );
    }
  }
  return notes;
}

/** slo-defined. */
export const evaluateSloDefined: CheckEvaluator = context => {
  const { tier, tierPolicy, entity, entityRef } = context;
  if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
  if (!tier) return notApplicable(NO_TIER);
  const required = tierPolicy?.requiredSloKinds ?? [];
  if (required.length === 0) {
    return notApplicable(`${tier} requires no SLO`);
  }
  const slos = validSlos(context);
  const found = new Map<string, string>();
  for (const { slo } of slos) {
    if (!found.has(lower(slo.sloKind))) {
      found.set(lower(slo.sloKind), slo.entityRef);
    }
  }
  const missing = required.filter(kind => !found.has(lower(kind)));
  if (missing.length === 0) {
    return {
      state: 'pass',
      message: required
        .map(kind => `${kind}: ${found.get(lower(kind))}`)
        .join('; '),
    };
  }
  const have = slos.map(s => `${s.entityRef} (${s.slo.sloKind})`);
  const message = [
    `no ${missing.join(
      ' or ',
    )} SLO: ${tier} requires SLOs of the kinds ${required.join(', ')}, and ${
      have.length > 0 ? `this entity has ${have.join(', ')}` : 'it has none'
    }. Add an OpenSLO SLO whose spec.service is ${entityRef}, stating its kind in metadata.annotations.${SLO_KIND_ANNOTATION}.`,
    ...sloNotes(context),
  ].join('\n');
  return {
    state: 'fail',
    message,
    fix: missing
      .map(kind =>
        openSloSkeleton({
          serviceRef: entityRef,
          serviceName: entity.metadata?.name ?? 'service',
          sloKind: kind,
          target: tierPolicy?.minSloTarget ?? 0.999,
        }),
      )
      .join('\n---\n'),
  };
};

/**
 * slo-target-meets-tier. Without a valid SLO there is nothing to compare:
 * not applicable (a missing SLO is slo-defined's failure, not this one's).
 */
export const evaluateSloTargetMeetsTier: CheckEvaluator = context => {
  const { tier, tierPolicy } = context;
  if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
  if (!tier) return notApplicable(NO_TIER);
  const min = tierPolicy?.minSloTarget;
  if (min === undefined) {
    return notApplicable(`${tier} sets no minimum SLO target`);
  }
  const slos = validSlos(context);
  if (slos.length === 0) {
    return notApplicable(
      ['no valid SLO to compare (see slo-defined)', ...sloNotes(context)].join(
        '\n',
      ),
    );
  }
  const below: string[] = [];
  const fixes: string[] = [];
  for (const { slo } of slos) {
    slo.objectives.forEach((objective, i) => {
      if (objective.target < min) {
        const name = objective.displayName ?? objective.name;
        below.push(
          `${slo.entityRef}: spec.objectives[${i}].target${
            name ? ` (${name})` : ''
          } is ${objective.target}; ${tier} requires at least ${min}`,
        );
        fixes.push(
          [
            `# ${slo.entityRef}: spec.objectives[${i}]`,
            'spec:',
            '  objectives:',
            `    - target: ${min}`,
          ].join('\n'),
        );
      }
    });
  }
  if (below.length > 0) {
    return {
      state: 'fail',
      message: below.join('\n'),
      fix: fixes.join('\n'),
    };
  }
  const count = slos.reduce((n, s) => n + s.slo.objectives.length, 0);
  return {
    state: 'pass',
    message: `${count} objective${count === 1 ? '' : 's'} of ${
      slos.length
    } SLO${slos.length === 1 ? '' : 's'} at or above ${min}`,
  };
};

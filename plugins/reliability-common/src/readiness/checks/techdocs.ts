/*
 * techdocs: the entity points at its documentation
 * (`backstage.io/techdocs-ref`). Optional: it counts only where the policy
 * lists it (`reliability.policy.checks.techdocs`, even `{}`); elsewhere it
 * is reported as not applicable, with what it found.
 */
import { TECHDOCS_FACT } from '../types';
import { annotationFix } from '../fixes';
import { isListedInPolicy } from '../settings';
import {
  CheckEvaluator,
  NOT_A_SERVICE,
  notApplicable,
  Verdict,
} from './context';

/**
 * The annotation Backstage's TechDocs reads; the techdocs check looks for it.
 *
 * @public
 */
export const TECHDOCS_ANNOTATION = 'backstage.io/techdocs-ref';

const field = `metadata.annotations.${TECHDOCS_ANNOTATION}`;
const missingFix = annotationFix(TECHDOCS_ANNOTATION, 'dir:.');

/** techdocs. */
export const evaluateTechdocs: CheckEvaluator = context => {
  if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
  const ref: unknown =
    context.entity.metadata?.annotations?.[TECHDOCS_ANNOTATION];
  let verdict: Verdict;
  if (typeof ref !== 'string' || ref.trim() === '') {
    verdict = {
      state: 'fail',
      message: `${field} is missing: point it at the documentation next to the catalog-info.yaml`,
      fix: missingFix,
    };
  } else if (context.facts[TECHDOCS_FACT] === false) {
    verdict = {
      state: 'fail',
      message: `${field} is ${JSON.stringify(
        ref,
      )}, but no documentation was found there: check that mkdocs.yml and docs/ exist and that the TechDocs build succeeds`,
    };
  } else {
    verdict = { state: 'pass', message: `documentation at ${ref}` };
  }
  if (isListedInPolicy(context.policy, 'techdocs')) return verdict;
  // Built without a spread: this runs for every entity of most policies.
  const optional: Verdict = {
    state: 'not-applicable',
    message: `optional: counts only when reliability.policy.checks lists techdocs (${
      verdict.state === 'pass'
        ? 'it would pass'
        : `it would fail: ${verdict.message}`
    })`,
  };
  if (verdict.fix !== undefined) optional.fix = verdict.fix;
  return optional;
};

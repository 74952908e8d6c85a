/*
 * owner-resolves: spec.owner names a Group that exists in the catalog.
 * A missing spec.owner is the metadata policy's `owner` rule; whether the
 * owner exists is learnt from the related owner entity the caller looked up.
 */
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { entityFix } from '../fixes';
import { CheckEvaluator, NOT_A_SERVICE, notApplicable } from './context';
import { violationsOf, violationsVerdict } from './metadata';

const ownerFix = entityFix([
  { field: 'spec.owner', value: 'group:default/<team>' },
]);

/** owner-resolves. */
export const evaluateOwnerResolves: CheckEvaluator = context => {
  const { entity, related, tier, tierPolicy } = context;
  if (!context.reliabilityKind) return notApplicable(NOT_A_SERVICE);
  const violations = violationsOf(context, 'owner');
  if (violations.length > 0) return violationsVerdict(violations);

  const owner: unknown = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.trim() === '') {
    // Not required (else the `owner` rule would have reported it).
    return notApplicable(
      tier
        ? `spec.owner is not set and ${tier} does not require it`
        : 'spec.owner is not set',
    );
  }
  let ownerRef: string;
  try {
    ownerRef = stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata?.namespace ?? 'default',
      }),
    );
  } catch (error) {
    return {
      state: 'fail',
      message: `spec.owner has ${JSON.stringify(
        owner,
      )}, which is not an entity reference (${
        error instanceof Error ? error.message : String(error)
      }); name the owning group, e.g. group:default/checkout-team`,
      fix: ownerFix,
    };
  }
  if (related.owner === undefined) {
    return {
      state: 'no-data',
      message: `spec.owner names ${ownerRef}, which has not been looked up in the catalog yet`,
    };
  }
  if (related.owner === null) {
    return {
      state: 'fail',
      message: `spec.owner names ${ownerRef}, which is not in the catalog; name a Group that exists (or register ${ownerRef})`,
      fix: ownerFix,
    };
  }
  const kind = String(related.owner.kind ?? '');
  if (kind.toLowerCase() !== 'group') {
    const required = tierPolicy?.require.includes('owner')
      ? ` (${tier} requires an owning team)`
      : '';
    return {
      state: 'fail',
      message: `spec.owner names ${ownerRef}, a ${
        kind || 'entity'
      }, not a Group${required}: a team must own the service, so ownership survives people changing teams`,
      fix: ownerFix,
    };
  }
  return { state: 'pass', message: `owned by ${ownerRef}` };
};

import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ReliabilityEntitySummary } from '@vigil/plugin-reliability-common';

/** Resolves a possibly short ref such as `team-a` against a default kind. */
export function fullRef(
  ref: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof ref !== 'string' || ref.length === 0) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/** The identity, owner and system of an entity, as the API answers it. */
export function toEntitySummary(entity: Entity): ReliabilityEntitySummary {
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner: fullRef(entity.spec?.owner, 'group', namespace),
    system: fullRef(entity.spec?.system, 'system', namespace),
  };
}

import { parseEntityRef } from '@backstage/catalog-model';
import { OverviewGroupBy } from '../../api';

/**
 * How a group key reads on screen: an entity ref as its name (with the
 * namespace when it is not `default`), a tier or level as itself.
 */
export function groupKeyName(key: string): string {
  if (!key.includes(':')) {
    return key;
  }
  try {
    const { namespace, name } = parseEntityRef(key);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return key;
  }
}

const NO_GROUP: Record<OverviewGroupBy, string> = {
  owner: 'No owner',
  system: 'No system',
  domain: 'No domain',
  tier: 'No tier',
  level: 'No level reached',
};

/** The name of an aggregate group: its title, its key's name, or "No …". */
export function groupName(
  groupBy: OverviewGroupBy,
  group: { key: string | null; title?: string },
): string {
  if (group.key === null) {
    return NO_GROUP[groupBy];
  }
  return group.title || groupKeyName(group.key);
}

/**
 * The filter value a group stands for, if the entity table can filter by
 * it: entities without a tier can be asked for (`none`), entities without
 * an owner, system, domain or level cannot.
 */
export function groupFilterValue(
  groupBy: OverviewGroupBy,
  key: string | null,
): string | undefined {
  if (key !== null) {
    return key;
  }
  return groupBy === 'tier' ? 'none' : undefined;
}

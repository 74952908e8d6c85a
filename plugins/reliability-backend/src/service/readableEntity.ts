import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The entity as the caller may see it: read from the catalog with the
 * caller's credentials, so the catalog's permission rules apply. An entity
 * the caller may not read is indistinguishable from a missing one (404).
 */
export async function readableEntity(
  catalog: CatalogService,
  ref: CompoundEntityRef | string,
  credentials: BackstageCredentials,
): Promise<Entity> {
  const entityRef = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
  const entity = await catalog.getEntityByRef(entityRef, { credentials });
  if (!entity) {
    throw new NotFoundError(`No entity ${entityRef} in the catalog`);
  }
  return entity;
}

import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ServiceOwnerLookup } from './OpenSloEntityProcessor';

/**
 * Looks a service's owner up in the catalog, as this plugin itself. While
 * the catalog is starting, or before the service exists, the answer is
 * unknown and the SLO gets its owner relation at a later processing round.
 */
export function catalogServiceOwnerLookup(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): ServiceOwnerLookup {
  const { catalog, auth, logger } = options;
  return async serviceRef => {
    try {
      const service = await catalog.getEntityByRef(serviceRef, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      const owner = service?.spec?.owner;
      if (typeof owner !== 'string') {
        return undefined;
      }
      return stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: service!.metadata.namespace ?? 'default',
        }),
      );
    } catch (error) {
      logger.debug(`Owner of ${serviceRef} not known yet: ${error}`);
      return undefined;
    }
  };
}

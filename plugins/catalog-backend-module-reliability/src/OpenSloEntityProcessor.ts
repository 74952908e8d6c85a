import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  enforcementModeFor,
  isOpenSloDocument,
  normalizeOpenSloEntity,
  OPENSLO_API_VERSION,
  parseOpenSloDocument,
  RELATION_HAS_SLO,
  RELATION_SLO_OF,
  ReliabilityPolicy,
  SLO_OWNER_ANNOTATION,
} from '@vigil/plugin-reliability-common';
import { InputError } from '@backstage/errors';
import { formatViolations } from './formatViolations';

/** Finds the owner of a service entity, or undefined when unknown yet. */
export type ServiceOwnerLookup = (
  serviceRef: string,
) => Promise<string | undefined>;

const KINDS = ['slo', 'sli'];

function isOpenSloKind(entity: Entity): boolean {
  return (
    entity.apiVersion === OPENSLO_API_VERSION &&
    KINDS.includes(entity.kind?.toLocaleLowerCase('en-US'))
  );
}

/**
 * Makes OpenSLO v1 `SLO` and `SLI` documents catalog entities, so an
 * OpenSLO file registered as a Location works unchanged: normalises what
 * the catalog cannot hold, validates the rest against the OpenSLO rules,
 * and relates each SLO to its service (`sloOf`/`hasSLO`) and owner.
 */
export class OpenSloEntityProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      policy: ReliabilityPolicy;
      lookupServiceOwner: ServiceOwnerLookup;
    },
  ) {}

  getProcessorName(): string {
    return 'OpenSloEntityProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    if (!isOpenSloDocument(entity)) {
      return entity;
    }
    // Validate the document as written, before the catalog's own field
    // checks run on the normalised form: our errors name OpenSLO fields.
    if (isOpenSloKind(entity)) {
      const { errors } = parseOpenSloDocument(entity);
      const mode = enforcementModeFor(
        this.options.policy,
        entity.kind,
        undefined,
      );
      if (errors.length > 0 && mode === 'enforce') {
        throw new InputError(formatViolations(errors[0].entityRef, errors));
      }
    }
    return normalizeOpenSloEntity(entity as unknown as Record<string, unknown>)
      .entity as unknown as Entity;
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    return isOpenSloKind(entity);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (
      !isOpenSloKind(entity) ||
      entity.kind.toLocaleLowerCase('en-US') !== 'slo'
    ) {
      return entity;
    }
    const { slo } = parseOpenSloDocument(entity);
    if (!slo) {
      return entity;
    }
    const self = getCompoundEntityRef(entity);
    const service = parseEntityRef(slo.service, {
      defaultKind: 'component',
      defaultNamespace: self.namespace,
    });
    emit(
      processingResult.relation({
        source: self,
        type: RELATION_SLO_OF,
        target: service,
      }),
    );
    emit(
      processingResult.relation({
        source: service,
        type: RELATION_HAS_SLO,
        target: self,
      }),
    );

    const ownerRef =
      entity.metadata.annotations?.[SLO_OWNER_ANNOTATION] ??
      (await this.options.lookupServiceOwner(
        `${service.kind}:${service.namespace}/${service.name}`.toLocaleLowerCase(
          'en-US',
        ),
      ));
    if (ownerRef) {
      const owner = parseEntityRef(ownerRef, {
        defaultKind: 'group',
        defaultNamespace: self.namespace,
      });
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_OWNED_BY,
          target: owner,
        }),
      );
      emit(
        processingResult.relation({
          source: owner,
          type: RELATION_OWNER_OF,
          target: self,
        }),
      );
    }
    return entity;
  }
}

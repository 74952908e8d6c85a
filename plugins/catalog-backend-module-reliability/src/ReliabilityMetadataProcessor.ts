import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isReliabilityAvailable,
  parseReliabilityProfile,
} from '@vigil/plugin-reliability-common';
import { EnforcementMode } from './enforcement';

/**
 * Checks reliability metadata while the catalog ingests entities, with the
 * parser the backend and the CLI use. Under `enforce` every finding becomes
 * a processing error, so the catalog keeps the last good version and shows
 * the error on the entity's page.
 */
export class ReliabilityMetadataProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      enforcement: EnforcementMode;
      clock?: () => Date;
    },
  ) {}

  getProcessorName(): string {
    return 'ReliabilityMetadataProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (this.options.enforcement !== 'enforce' || !isReliabilityAvailable(entity)) {
      return entity;
    }
    const now = this.options.clock?.() ?? new Date();
    for (const error of parseReliabilityProfile(entity, { now }).errors) {
      emit(processingResult.inputError(location, error.message));
    }
    return entity;
  }
}

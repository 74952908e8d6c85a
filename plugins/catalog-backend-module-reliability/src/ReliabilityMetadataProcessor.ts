import { Entity } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  evaluateMetadataPolicy,
  isReliabilityAvailable,
  ReliabilityPolicy,
} from '@vigil/plugin-reliability-common';
import { formatViolations } from './formatViolations';

/**
 * Applies the reliability policy while the catalog ingests Components,
 * Systems and Resources, with the rules the backend and the CLI use.
 *
 * - `enforce`: one processing error listing every violation; the catalog
 *   keeps the last good version, and a new violating entity is not admitted.
 * - `warn`: admitted. The findings are not stored here: the reliability
 *   backend computes the very same ones with the same function and the
 *   Reliability tab lists them.
 * - `off`: nothing.
 */
export class ReliabilityMetadataProcessor implements CatalogProcessor {
  constructor(
    private readonly options: {
      policy: ReliabilityPolicy;
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
    if (!isReliabilityAvailable(entity)) {
      return entity;
    }
    const now = this.options.clock?.() ?? new Date();
    const result = evaluateMetadataPolicy(entity, this.options.policy, { now });
    const blocking = result.violations.filter(v => !v.pending);
    if (result.enforcement === 'enforce' && blocking.length > 0) {
      emit(
        processingResult.inputError(
          location,
          formatViolations(result.entityRef, blocking),
        ),
      );
    }
    return entity;
  }
}

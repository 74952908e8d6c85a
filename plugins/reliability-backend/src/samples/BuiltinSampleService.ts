import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SliBucketRow, SliBucketStore } from '../database/SliBucketStore';
import { parseSamplesRequest } from './samplesRequest';

/**
 * The built-in SLI source: counts pushed per SLO entity. The SLO must be
 * one the caller may read in the catalog.
 */
export class BuiltinSampleService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      store: SliBucketStore;
      clock?: () => Date;
    },
  ) {}

  private now() {
    return this.options.clock?.() ?? new Date();
  }

  private async sloRef(
    ref: { namespace: string; name: string },
    credentials: BackstageCredentials,
  ): Promise<string> {
    const sloRef = stringifyEntityRef({ kind: 'SLO', ...ref });
    const slo = await this.options.catalog.getEntityByRef(sloRef, {
      credentials,
    });
    if (!slo) {
      throw new NotFoundError(`No SLO ${sloRef} in the catalog`);
    }
    return sloRef;
  }

  async push(
    ref: { namespace: string; name: string },
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<{ sloRef: string; written: number }> {
    const now = this.now();
    // Validate before anything else: a rejected request writes nothing.
    const buckets = parseSamplesRequest(body, now);
    const sloRef = await this.sloRef(ref, credentials);
    const result = await this.options.store.putBuckets(sloRef, buckets, now);
    if ('overlaps' in result) {
      const first = result.overlaps[0];
      throw new ConflictError(
        `${result.overlaps.length} sample(s) overlap stored buckets of ${sloRef} with other bounds, e.g. ` +
          `${first.incoming.start.toISOString()}–${first.incoming.end.toISOString()} overlaps ` +
          `${first.stored.start.toISOString()}–${first.stored.end.toISOString()}; ` +
          'send the same bounds again to replace a bucket',
      );
    }
    return { sloRef, written: result.written };
  }

  async list(
    ref: { namespace: string; name: string },
    range: { from: Date; to: Date },
    credentials: BackstageCredentials,
  ): Promise<{ items: SliBucketRow[] }> {
    const sloRef = await this.sloRef(ref, credentials);
    return {
      items: await this.options.store.listBuckets(sloRef, range.from, range.to),
    };
  }
}

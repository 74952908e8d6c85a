import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Logs what changes, not every read: a source going down is one warning
 * (not one per SLO and refresh), its recovery one info line; a query
 * Prometheus rejects is one warning per SLO until its reason changes.
 * Messages name the source and the SLO, never a header value.
 */
export class SourceHealth {
  private failing = false;
  private readonly rejected = new Map<string, string>();

  constructor(
    private readonly sourceId: string,
    private readonly logger?: LoggerService,
  ) {}

  /** Prometheus answered (counts, an empty vector or a 4xx). */
  answered(): void {
    if (this.failing) {
      this.failing = false;
      this.logger?.info(`Prometheus source '${this.sourceId}' answers again`);
    }
  }

  /** Counts for this SLO. */
  ok(sloRef: string): void {
    this.rejected.delete(sloRef);
    this.answered();
  }

  /** Timeout, 5xx, unreachable, malformed: the source is failing. */
  unavailable(reason: string): void {
    if (!this.failing) {
      this.failing = true;
      this.logger?.warn(
        `Prometheus source '${this.sourceId}' is failing; SLOs keep their last good counts, marked stale: ${reason}`,
      );
    }
  }

  /** 4xx or an indicator it cannot read: a problem of this SLO. */
  rejectedFor(sloRef: string, reason: string): void {
    if (this.rejected.get(sloRef) !== reason) {
      this.rejected.set(sloRef, reason);
      this.logger?.warn(`${sloRef}: ${reason}`);
    }
  }
}

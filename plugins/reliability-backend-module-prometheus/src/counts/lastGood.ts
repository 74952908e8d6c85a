import { SecondsRange } from '../query/plan';
import { CountSeries } from './countSeries';

/** The last good answer of one SLO. */
export interface LastGood {
  /** The queries it answered: a changed SLO does not reuse it. */
  fingerprint: string;
  series: CountSeries;
  requested: SecondsRange[];
  at: Date;
}

/**
 * The last good answer per SLO, in memory, for at most `limit` SLOs (the
 * least recently answered go first): ≈ 140 KB an SLO for 30 days of 5 m
 * buckets, so ≤ ≈ 280 MB at the default 2,000. A failing read never
 * erases it.
 */
export class LastGoodAnswers {
  private readonly answers = new Map<string, LastGood>();

  constructor(private readonly limit = 2_000) {}

  set(sloRef: string, answer: LastGood): void {
    this.answers.delete(sloRef);
    this.answers.set(sloRef, answer);
    if (this.answers.size > this.limit) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
  }

  /** The last good answer to the same queries, if any. */
  get(sloRef: string, fingerprint: string): LastGood | undefined {
    const answer = this.answers.get(sloRef);
    return answer?.fingerprint === fingerprint ? answer : undefined;
  }

  get size(): number {
    return this.answers.size;
  }
}

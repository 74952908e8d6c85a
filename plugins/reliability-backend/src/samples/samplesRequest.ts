import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Most buckets one request may carry; larger pushes are split by clients. */
export const MAX_SAMPLES_PER_REQUEST = 1000;
/** Longest bucket accepted: finer buckets keep burn-rate windows honest. */
export const MAX_BUCKET_SECONDS = 86_400;
/** How far in the future a bucket may end (clock skew between hosts). */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const count = z
  .number({ error: 'must be a whole number of events' })
  .int('must be a whole number of events')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'must be at most 2^53 - 1');

const timestamp = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 timestamp with a zone, e.g. 2026-11-27T10:00:00Z',
});

/** Names the unknown keys and the allowed ones, instead of zod's wording. */
const onlyKeys = (allowed: string[]) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `has unknown field(s) ${issue.keys?.join(
          ', ',
        )}; allowed: ${allowed.join(', ')}`
      : undefined,
});

const samplesBody = z.strictObject(
  {
    samples: z
      .array(
        z.strictObject(
          { start: timestamp, end: timestamp, good: count, total: count },
          onlyKeys(['start', 'end', 'good', 'total']),
        ),
        { error: 'must be a list of { start, end, good, total }' },
      )
      .min(1, 'must hold at least one sample')
      .max(
        MAX_SAMPLES_PER_REQUEST,
        `must hold at most ${MAX_SAMPLES_PER_REQUEST} samples per request`,
      ),
  },
  onlyKeys(['samples']),
);

/** One validated bucket. */
export interface SampleBucket {
  start: Date;
  end: Date;
  good: number;
  total: number;
}

/**
 * Validates a push of samples and returns its buckets. Every problem is
 * reported at once, each naming its field (`samples[3].good`), so a client
 * fixes a payload in one round trip; nothing is written for a rejected one.
 */
export function parseSamplesRequest(body: unknown, now: Date): SampleBucket[] {
  const parsed = samplesBody.safeParse(body);
  if (!parsed.success) {
    throw new InputError(
      `Invalid samples: ${parsed.error.issues
        .map(issue => `${formatPath(issue.path) || 'body'} ${issue.message}`)
        .join('; ')}`,
    );
  }
  const problems: string[] = [];
  const buckets = parsed.data.samples.map((sample, i) => {
    const bucket = {
      start: new Date(sample.start),
      end: new Date(sample.end),
      good: sample.good,
      total: sample.total,
    };
    const at = `samples[${i}]`;
    if (bucket.good > bucket.total) {
      problems.push(
        `${at}.good ${bucket.good} is more than total ${bucket.total}`,
      );
    }
    const seconds = (bucket.end.getTime() - bucket.start.getTime()) / 1000;
    if (seconds <= 0) {
      problems.push(
        `${at}.end ${sample.end} is not after start ${sample.start}`,
      );
    } else if (seconds > MAX_BUCKET_SECONDS) {
      problems.push(
        `${at} spans ${seconds} s, more than ${MAX_BUCKET_SECONDS} s (one day)`,
      );
    }
    if (bucket.end.getTime() > now.getTime() + MAX_CLOCK_SKEW_SECONDS * 1000) {
      problems.push(`${at}.end ${sample.end} is in the future`);
    }
    return bucket;
  });
  const sorted = buckets
    .map((bucket, index) => ({ bucket, index }))
    .sort((a, b) => a.bucket.start.getTime() - b.bucket.start.getTime());
  for (let k = 1; k < sorted.length; k++) {
    const previous = sorted[k - 1];
    const current = sorted[k];
    if (current.bucket.start.getTime() < previous.bucket.end.getTime()) {
      problems.push(
        `samples[${current.index}] overlaps samples[${previous.index}] in the same request`,
      );
    }
  }
  if (problems.length > 0) {
    throw new InputError(`Invalid samples: ${problems.join('; ')}`);
  }
  return buckets;
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

/** Steps tried in order, after the minimum step; then whole days. */
const NICE_STEPS = [
  60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
];

function nextStep(step: number): number {
  return (
    NICE_STEPS.find(nice => nice > step) ??
    (Math.floor(step / 86_400) + 1) * 86_400
  );
}

/** A time range in whole unix seconds, `[start, end)`. */
export interface SecondsRange {
  start: number;
  end: number;
}

/**
 * The requests for one read: one `query_range` over whole buckets aligned
 * to multiples of the step (so buckets keep the same bounds from one read
 * to the next), and one instant query for the partial bucket after the
 * last boundary, when the read ends between two.
 */
export interface QueryPlan {
  stepSeconds: number;
  /** Evaluation times of the `query_range`; each closes a bucket `(t − step, t]`. */
  range?: { start: number; end: number; points: number };
  /** The partial bucket, read by an instant query at `end` over `end − start`. */
  tail?: SecondsRange;
  /** The ranges asked for: buckets overlapping none are dropped. */
  requested: SecondsRange[];
}

/**
 * Plans the queries covering every requested range (ISO strings) with the
 * smallest step, at least `minStepSeconds`, that keeps the `query_range`
 * within `maxPoints` points.
 */
export function planQueries(
  ranges: Array<{ start: string; end: string }>,
  options: { minStepSeconds: number; maxPoints: number },
): QueryPlan | { problem: string } {
  const requested: SecondsRange[] = [];
  for (const [index, range] of ranges.entries()) {
    const start = Math.floor(Date.parse(range.start) / 1000);
    const end = Math.floor(Date.parse(range.end) / 1000);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
      return {
        problem: `range ${index} (${range.start} – ${range.end}) is not a valid time range`,
      };
    }
    requested.push({ start, end });
  }
  if (requested.length === 0) {
    return { stepSeconds: options.minStepSeconds, requested };
  }
  const hullStart = Math.min(...requested.map(r => r.start));
  const hullEnd = Math.max(...requested.map(r => r.end));

  let step = options.minStepSeconds;
  const boundaries = (s: number) => ({
    first: Math.floor(hullStart / s) * s,
    last: Math.floor(hullEnd / s) * s,
  });
  while (
    (boundaries(step).last - boundaries(step).first) / step >
    options.maxPoints
  ) {
    step = nextStep(step);
  }
  const { first, last } = boundaries(step);
  const plan: QueryPlan = { stepSeconds: step, requested };
  if (last > first) {
    plan.range = {
      start: first + step,
      end: last,
      points: (last - first) / step,
    };
  }
  const tailStart = Math.max(last, hullStart);
  if (hullEnd > tailStart) {
    plan.tail = { start: tailStart, end: hullEnd };
  }
  return plan;
}

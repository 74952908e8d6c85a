import { PrometheusSourceSettings } from '../settings';

/**
 * Why a request failed.
 *
 * - `rejected`: Prometheus refused the request (4xx but 408 and 429): a
 *   query or configuration problem, retrying will not help.
 * - `unavailable`: 5xx, 408 or 429: Prometheus is there but failing.
 * - `timeout`: no whole answer within `timeoutMs`.
 * - `unreachable`: connection refused, DNS or TLS error.
 * - `malformed`: an answer that is not the JSON of the Prometheus API.
 */
export type FailureKind =
  | 'rejected'
  | 'unavailable'
  | 'timeout'
  | 'unreachable'
  | 'malformed';

export interface PromFailure {
  kind: FailureKind;
  /** Safe to show: never holds a header value. */
  message: string;
}

/** One series of a `query_range` answer: `[unix seconds, value]` pairs. */
export interface MatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

/** One sample of an instant query answer. */
export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

export type PromAnswer<T> =
  | { ok: true; result: T }
  | { ok: false; failure: PromFailure };

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isPoint = (value: unknown): value is [number, string] =>
  Array.isArray(value) &&
  value.length === 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'string';

function isMatrix(result: unknown): result is MatrixSeries[] {
  return (
    Array.isArray(result) &&
    result.every(
      s =>
        isObj(s) &&
        isObj(s.metric) &&
        Array.isArray(s.values) &&
        s.values.every(isPoint),
    )
  );
}

function isVector(result: unknown): result is VectorSample[] {
  return (
    Array.isArray(result) &&
    result.every(s => isObj(s) && isObj(s.metric) && isPoint(s.value))
  );
}

function snippet(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 160)}…` : oneLine;
}

function httpFailure(status: number, body: string): PromFailure {
  let detail = snippet(body) || 'no body';
  try {
    const parsed = JSON.parse(body);
    if (isObj(parsed) && typeof parsed.error === 'string') {
      detail = `${parsed.errorType ?? 'error'}: ${parsed.error}`;
    }
  } catch {
    // not JSON: keep the snippet
  }
  const transient = status >= 500 || status === 408 || status === 429;
  return {
    kind: transient ? 'unavailable' : 'rejected',
    message: `answered HTTP ${status} (${detail})`,
  };
}

function thrownFailure(
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
): PromFailure {
  if (timedOut) {
    return {
      kind: 'timeout',
      message: `gave no answer within ${timeoutMs} ms`,
    };
  }
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  const detail =
    cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return { kind: 'unreachable', message: `cannot be reached (${detail})` };
}

/**
 * The two calls of the Prometheus HTTP API Vigil needs, with a timeout over
 * the whole exchange and every failure turned into a {@link PromFailure}:
 * nothing here throws.
 */
export class PrometheusHttpClient {
  constructor(private readonly settings: PrometheusSourceSettings) {}

  async queryRange(
    query: string,
    range: { start: number; end: number; step: number },
  ): Promise<PromAnswer<MatrixSeries[]>> {
    const answer = await this.post(
      'query_range',
      {
        query,
        start: String(range.start),
        end: String(range.end),
        step: String(range.step),
      },
      'matrix',
    );
    if (answer.ok && !isMatrix(answer.result)) {
      return malformed(
        'its result is not a list of series with [time, value] points',
      );
    }
    return answer as PromAnswer<MatrixSeries[]>;
  }

  async query(
    query: string,
    time: number,
  ): Promise<PromAnswer<VectorSample[]>> {
    const answer = await this.post(
      'query',
      { query, time: String(time) },
      'vector',
    );
    if (answer.ok && !isVector(answer.result)) {
      return malformed('its result is not a list of samples');
    }
    return answer as PromAnswer<VectorSample[]>;
  }

  private async post(
    endpoint: string,
    params: Record<string, string>,
    resultType: 'matrix' | 'vector',
  ): Promise<PromAnswer<unknown>> {
    const { url, headers, timeoutMs } = this.settings;
    const controller = new AbortController();
    let timedOut = false;
    // Race the timer too: not every fetch implementation aborts a body
    // being read when the signal fires.
    let expire: (error: Error) => void = () => {};
    const expired = new Promise<never>((_, reject) => {
      expire = reject;
    });
    expired.catch(() => {});
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      expire(new Error('timeout'));
    }, timeoutMs);
    let status: number;
    let body: string;
    try {
      const response = await Promise.race([
        globalThis.fetch(`${url}/api/v1/${endpoint}`, {
          method: 'POST',
          headers: {
            ...headers,
            accept: 'application/json',
            'accept-encoding': 'identity',
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({
            ...params,
            timeout: `${Math.ceil(timeoutMs)}ms`,
          }).toString(),
          signal: controller.signal,
        }),
        expired,
      ]);
      status = response.status;
      body = await Promise.race([response.text(), expired]);
    } catch (error) {
      return { ok: false, failure: thrownFailure(error, timedOut, timeoutMs) };
    } finally {
      clearTimeout(timer);
    }
    if (status < 200 || status > 299) {
      return { ok: false, failure: httpFailure(status, body) };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return malformed(`it is not JSON: ${snippet(body) || 'empty body'}`);
    }
    if (!isObj(parsed) || parsed.status !== 'success' || !isObj(parsed.data)) {
      return malformed('it has no status "success" with data');
    }
    if (parsed.data.resultType !== resultType) {
      return malformed(
        `its resultType is ${JSON.stringify(
          parsed.data.resultType,
        )}, not ${resultType}`,
      );
    }
    return { ok: true, result: parsed.data.result };
  }
}

function malformed(why: string): { ok: false; failure: PromFailure } {
  return {
    ok: false,
    failure: {
      kind: 'malformed',
      message: `answered something that is not the Prometheus API: ${why}`,
    },
  };
}

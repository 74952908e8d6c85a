/**
 * The real Prometheus of the integration tests: scripts/test-prometheus.sh
 * starts one and names it in VIGIL_TEST_PROMETHEUS_URL, with the end of its
 * backfilled history in VIGIL_TEST_PROMETHEUS_END. Without them the tests
 * stop with that message instead of silently passing;
 * `VIGIL_TEST_NO_PROMETHEUS=1` opts out explicitly.
 */
export function prometheusUnderTest():
  | { url: string; end: number }
  | undefined {
  if (process.env.VIGIL_TEST_NO_PROMETHEUS === '1') {
    return undefined;
  }
  const url = process.env.VIGIL_TEST_PROMETHEUS_URL;
  const end = Number(process.env.VIGIL_TEST_PROMETHEUS_END);
  if (!url || !Number.isInteger(end) || end <= 0) {
    throw new Error(
      'The Prometheus integration tests need a real Prometheus: run them through ./run.sh test, ' +
        'or `source scripts/test-prometheus.sh` first (it starts one and sets VIGIL_TEST_PROMETHEUS_URL ' +
        'and VIGIL_TEST_PROMETHEUS_END), or set VIGIL_TEST_NO_PROMETHEUS=1 to skip them explicitly',
    );
  }
  return { url, end };
}

/** One number computed by Prometheus itself: an instant query at `time`. */
export async function promql(
  url: string,
  query: string,
  time: number,
): Promise<number | undefined> {
  const response = await fetch(`${url}/api/v1/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query, time: String(time) }).toString(),
  });
  const body = await response.json();
  if (body.status !== 'success') {
    throw new Error(`${query}: ${JSON.stringify(body)}`);
  }
  const [sample] = body.data.result;
  return sample ? Number(sample.value[1]) : undefined;
}

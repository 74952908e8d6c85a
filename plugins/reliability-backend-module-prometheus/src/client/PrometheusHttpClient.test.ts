import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DEFAULT_SETTINGS } from '../settings';
import { PrometheusHttpClient } from './PrometheusHttpClient';

const server = setupServer();
registerMswTestHooks(server);

const url = 'http://prometheus.test:9090/prefix';
const SECRET = 'Bearer s3cret-token';
const client = (timeoutMs = 200) =>
  new PrometheusHttpClient({
    ...DEFAULT_SETTINGS,
    id: 'main',
    url,
    headers: { Authorization: SECRET },
    timeoutMs,
  });

const range = { start: 1000, end: 1600, step: 300 };
const answerRange = (resolver: Parameters<typeof http.post>[1]) =>
  server.use(http.post(`${url}/api/v1/query_range`, resolver));

describe('PrometheusHttpClient', () => {
  it('posts the query as a form with its timeout and the configured headers', async () => {
    let form: URLSearchParams | undefined;
    let headers: Headers | undefined;
    answerRange(async ({ request }) => {
      form = new URLSearchParams(await request.text());
      headers = request.headers;
      return HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [{ metric: { a: 'b' }, values: [[1300, '1.5']] }],
        },
      });
    });
    await expect(client().queryRange('up', range)).resolves.toEqual({
      ok: true,
      result: [{ metric: { a: 'b' }, values: [[1300, '1.5']] }],
    });
    expect(Object.fromEntries(form!)).toEqual({
      query: 'up',
      start: '1000',
      end: '1600',
      step: '300',
      timeout: '200ms',
    });
    expect(headers!.get('authorization')).toBe(SECRET);
    // No gzip: in-cluster, compressing 0.5 MB answers costs more CPU on
    // both sides than it saves (see the README's benchmark).
    expect(headers!.get('accept-encoding')).toBe('identity');
    expect(headers!.get('content-type')).toBe(
      'application/x-www-form-urlencoded',
    );
  });

  it('reads an instant vector', async () => {
    server.use(
      http.post(`${url}/api/v1/query`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        return HttpResponse.json({
          status: 'success',
          data: {
            resultType: 'vector',
            result: [{ metric: {}, value: [Number(form.get('time')), 'NaN'] }],
          },
        });
      }),
    );
    await expect(client().query('up', 1234)).resolves.toEqual({
      ok: true,
      result: [{ metric: {}, value: [1234, 'NaN'] }],
    });
  });

  it("turns a 4xx into 'rejected' with Prometheus' own error", async () => {
    answerRange(() =>
      HttpResponse.json(
        {
          status: 'error',
          errorType: 'bad_data',
          error: '1:5: parse error: unexpected "}"',
        },
        { status: 400 },
      ),
    );
    await expect(client().queryRange('up}', range)).resolves.toEqual({
      ok: false,
      failure: {
        kind: 'rejected',
        message:
          'answered HTTP 400 (bad_data: 1:5: parse error: unexpected "}")',
      },
    });
  });

  it.each([500, 502, 503, 408, 429])(
    "turns HTTP %d into 'unavailable'",
    async status => {
      answerRange(() => new HttpResponse('upstream trouble', { status }));
      await expect(client().queryRange('up', range)).resolves.toEqual({
        ok: false,
        failure: {
          kind: 'unavailable',
          message: `answered HTTP ${status} (upstream trouble)`,
        },
      });
    },
  );

  it("turns a late answer into 'timeout' after timeoutMs", async () => {
    answerRange(async () => {
      await delay(2000);
      return HttpResponse.json({});
    });
    const started = Date.now();
    await expect(client(100).queryRange('up', range)).resolves.toEqual({
      ok: false,
      failure: { kind: 'timeout', message: 'gave no answer within 100 ms' },
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out a body that trickles in too slowly', async () => {
    answerRange(() => {
      const stream = new ReadableStream({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode('{"status":'));
          await delay(2000);
          controller.close();
        },
      });
      return new HttpResponse(stream, { status: 200 });
    });
    await expect(client(100).queryRange('up', range)).resolves.toMatchObject({
      ok: false,
      failure: { kind: 'timeout' },
    });
  });

  it("turns a refused connection into 'unreachable'", async () => {
    answerRange(() => HttpResponse.error());
    const answer = await client().queryRange('up', range);
    expect(answer).toMatchObject({
      ok: false,
      failure: {
        kind: 'unreachable',
        message: expect.stringMatching(/^cannot be reached \(.+\)$/),
      },
    });
    expect(JSON.stringify(answer)).not.toContain('s3cret');
  });

  it.each([
    [
      'garbage',
      new HttpResponse('<html>oops</html>'),
      /it is not JSON: <html>oops<\/html>/,
    ],
    ['an empty body', new HttpResponse(''), /it is not JSON: empty body/],
    [
      'JSON without status',
      HttpResponse.json({ data: [] }),
      /no status "success"/,
    ],
    [
      'another result type',
      HttpResponse.json({
        status: 'success',
        data: { resultType: 'scalar', result: [1, '2'] },
      }),
      /its resultType is "scalar", not matrix/,
    ],
    [
      'points of the wrong shape',
      HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [{ metric: {}, values: [[1300, 1.5]] }],
        },
      }),
      /not a list of series/,
    ],
  ])("turns %s into 'malformed'", async (_what, response, message) => {
    answerRange(() => response);
    await expect(client().queryRange('up', range)).resolves.toEqual({
      ok: false,
      failure: { kind: 'malformed', message: expect.stringMatching(message) },
    });
  });
});

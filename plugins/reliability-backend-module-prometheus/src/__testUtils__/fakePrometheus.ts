import { http, HttpResponse } from 'msw';
import { parsePromDuration } from '../query/duration';

/** The value of one tagged series at time `t` over `windowSeconds`, or none. */
export type SeriesValue = (
  name: string,
  t: number,
  windowSeconds: number,
) => string | undefined;

/** What a fake Prometheus saw of one request. */
export interface SeenRequest {
  endpoint: 'query' | 'query_range';
  query: string;
  params: URLSearchParams;
  headers: Headers;
}

/** The window a rendered query reads, taken from its first `[…]`. */
function windowOf(query: string): number {
  const match = /\[(\d+[smhdw])\]/.exec(query);
  return (match && parsePromDuration(match[1])) || NaN;
}

/** The `vigil_series` names a combined query asks for. */
function seriesNames(query: string): string[] {
  return [...query.matchAll(/"vigil_series", "(\w+)"/g)].map(m => m[1]);
}

/**
 * msw handlers of a Prometheus that answers the combined queries of this
 * module from `value`, recording every request in `seen`.
 */
export function fakePrometheus(
  baseUrl: string,
  value: SeriesValue,
  seen: SeenRequest[] = [],
) {
  const answer = async (
    request: Request,
    endpoint: 'query' | 'query_range',
  ) => {
    const params = new URLSearchParams(await request.text());
    const query = params.get('query') ?? '';
    seen.push({ endpoint, query, params, headers: request.headers });
    const window = windowOf(query);
    const names = seriesNames(query);
    if (endpoint === 'query') {
      const t = Number(params.get('time'));
      const result = names.flatMap(name => {
        const v = value(name, t, window);
        return v === undefined
          ? []
          : [{ metric: { vigil_series: name }, value: [t, v] }];
      });
      return HttpResponse.json({
        status: 'success',
        data: { resultType: 'vector', result },
      });
    }
    const start = Number(params.get('start'));
    const end = Number(params.get('end'));
    const step = Number(params.get('step'));
    const result = names.flatMap(name => {
      const values: Array<[number, string]> = [];
      for (let t = start; t <= end; t += step) {
        const v = value(name, t, window);
        if (v !== undefined) values.push([t, v]);
      }
      return values.length ? [{ metric: { vigil_series: name }, values }] : [];
    });
    return HttpResponse.json({
      status: 'success',
      data: { resultType: 'matrix', result },
    });
  };
  return [
    http.post(`${baseUrl}/api/v1/query_range`, ({ request }) =>
      answer(request, 'query_range'),
    ),
    http.post(`${baseUrl}/api/v1/query`, ({ request }) =>
      answer(request, 'query'),
    ),
  ];
}

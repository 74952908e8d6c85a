import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { reliabilityPlugin } from '../plugin';

const slo: Entity = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'orders-availability', namespace: 'default' },
  spec: { service: 'orders' },
};

const path = '/api/reliability/slis/default/orders-availability/samples';
const minute = (m: number) =>
  new Date(Date.UTC(2026, 10, 27, 9, m)).toISOString();
const bucket = (m: number, good: number, total: number) => ({
  start: minute(m),
  end: minute(m + 1),
  good,
  total,
});

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      reliabilityPlugin,
      catalogServiceMock.factory({ entities: [slo] }),
      mockServices.database.factory(),
    ],
  });
  return server;
}

const stored = async (server: any) => {
  const res = await request(server)
    .get(path)
    .query({ from: minute(0), to: minute(59) });
  expect(res.status).toBe(200);
  return res.body.items.map((b: any) => [b.start, b.good, b.total]);
};

describe('POST /slis/:namespace/:name/samples', () => {
  it('stores buckets and answers 201 with the count', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post(path)
      .send({ samples: [bucket(0, 99, 100), bucket(1, 98, 100)] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      sloRef: 'slo:default/orders-availability',
      written: 2,
    });
    expect(await stored(server)).toEqual([
      [minute(0), 99, 100],
      [minute(1), 98, 100],
    ]);
  });

  it('does not count the same bucket twice: a re-send replaces it', async () => {
    const server = await startBackend();
    await request(server)
      .post(path)
      .send({ samples: [bucket(0, 99, 100)] });
    const again = await request(server)
      .post(path)
      .send({ samples: [bucket(0, 90, 100)] });
    expect(again.status).toBe(201);
    expect(await stored(server)).toEqual([[minute(0), 90, 100]]);
  });

  it('refuses a bucket overlapping a stored one with other bounds, writing nothing', async () => {
    const server = await startBackend();
    await request(server)
      .post(path)
      .send({ samples: [bucket(0, 99, 100)] });
    const res = await request(server)
      .post(path)
      .send({
        samples: [
          bucket(5, 10, 10),
          {
            start: minute(0).replace(':00.000Z', ':30.000Z'),
            end: minute(2),
            good: 1,
            total: 1,
          },
        ],
      });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('overlap stored buckets');
    expect(await stored(server)).toEqual([[minute(0), 99, 100]]);
  });

  const malformed: Array<[string, unknown, string]> = [
    ['no body fields', {}, 'samples must be a list'],
    [
      'samples not a list',
      { samples: 'x' },
      'samples must be a list of { start, end, good, total }',
    ],
    ['empty list', { samples: [] }, 'samples must hold at least one sample'],
    [
      'negative good',
      { samples: [bucket(0, -1, 10)] },
      'samples[0].good must not be negative',
    ],
    [
      'fractional total',
      { samples: [bucket(0, 1, 1.5)] },
      'samples[0].total must be a whole number',
    ],
    [
      'good as a string',
      { samples: [{ ...bucket(0, 1, 1), good: '1' }] },
      'samples[0].good must be a whole number',
    ],
    [
      'total missing',
      { samples: [{ start: minute(0), end: minute(1), good: 1 }] },
      'samples[0].total',
    ],
    [
      'good above total',
      { samples: [bucket(0, 11, 10)] },
      'samples[0].good 11 is more than total 10',
    ],
    [
      'start not a timestamp',
      { samples: [{ ...bucket(0, 1, 1), start: 'yesterday' }] },
      'samples[0].start must be an ISO 8601 timestamp',
    ],
    [
      'timestamp without zone',
      { samples: [{ ...bucket(0, 1, 1), end: '2026-11-27T09:01:00' }] },
      'samples[0].end must be an ISO 8601 timestamp',
    ],
    [
      'end before start',
      { samples: [{ ...bucket(0, 1, 1), end: minute(0) }] },
      'samples[0].end 2026-11-27T09:00:00.000Z is not after start',
    ],
    [
      'bucket longer than a day',
      {
        samples: [
          {
            start: '2026-11-20T00:00:00Z',
            end: '2026-11-22T00:00:00Z',
            good: 1,
            total: 1,
          },
        ],
      },
      'samples[0] spans 172800 s, more than 86400 s',
    ],
    [
      'bucket in the future',
      {
        samples: [
          {
            start: '2030-01-01T00:00:00Z',
            end: '2030-01-01T00:01:00Z',
            good: 1,
            total: 1,
          },
        ],
      },
      'samples[0].end 2030-01-01T00:01:00Z is in the future',
    ],
    [
      'overlap within the request',
      { samples: [bucket(0, 1, 1), { ...bucket(0, 1, 1), end: minute(3) }] },
      'overlaps samples[',
    ],
    [
      'unknown field',
      { samples: [{ ...bucket(0, 1, 1), bad: 0 }] },
      'samples[0] has unknown field(s) bad; allowed: start, end, good, total',
    ],
    [
      'unknown top-level field',
      { samples: [bucket(0, 1, 1)], extra: true },
      'body has unknown field(s) extra; allowed: samples',
    ],
  ];

  it.each(malformed)(
    'rejects %s naming the field, writing nothing',
    async (_what, body, expected) => {
      const server = await startBackend();
      const res = await request(server)
        .post(path)
        .send(body as object);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(expected);
      expect(await stored(server)).toEqual([]);
    },
  );

  it('rejects a body over the size limit', async () => {
    const server = await startBackend();
    const huge = {
      samples: [bucket(0, 1, 1)],
      padding: 'x'.repeat(300 * 1024),
    };
    const res = await request(server).post(path).send(huge);
    expect(res.status).toBe(413);
    expect(await stored(server)).toEqual([]);
  });

  it('rejects malformed JSON', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post(path)
      .set('Content-Type', 'application/json')
      .send('{"samples": [');
    expect(res.status).toBe(400);
  });

  it('answers 404 for an SLO the catalog does not have', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post('/api/reliability/slis/default/nope/samples')
      .send({ samples: [bucket(0, 1, 1)] });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'No SLO slo:default/nope in the catalog',
    );
  });

  it('answers 401 without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .post(path)
      .set('Authorization', mockCredentials.none.header())
      .send({ samples: [bucket(0, 1, 1)] });
    expect(res.status).toBe(401);
  });
});

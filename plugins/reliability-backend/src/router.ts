import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { BuiltinSampleService } from './samples/BuiltinSampleService';
import { ExemptionService } from './exemptions/ExemptionService';
import { ReadinessRecords } from './readiness/ReadinessRecords';
import { SloService } from './slo/SloService';
import { ReliabilityService } from './service/ReliabilityService';
import { OverviewService } from './overview/OverviewService';
import {
  filtersOf,
  overviewEntitiesSchema,
  overviewFiltersSchema,
  overviewGroupSchema,
  overviewTrendsSchema,
} from './overview/overviewQuery';

/** Turns a zod failure into an InputError that names each bad parameter. */
function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map(issue => `${issue.path.join('.') || what}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${problems}`);
  }
  return parsed.data;
}

/** Largest request body accepted; a push of 1,000 samples fits in it. */
export const MAX_BODY_BYTES = 256 * 1024;

const samplesRange = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const gateQuery = z.object({
  /** Marks the change, e.g. reliability-fix, to pass a closed gate. */
  change: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'a change kind such as reliability-fix')
    .optional(),
});

const historyQuery = z.object({
  days: z.coerce.number().int().min(1).max(400).default(90),
});

const exemptionsQuery = z.object({
  entityRef: z
    .string()
    .min(1, 'an entity ref such as component:default/orders'),
});

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  service: ReliabilityService;
  samples: BuiltinSampleService;
  slos: SloService;
  exemptions: ExemptionService;
  records: ReadinessRecords;
  overview: OverviewService;
}): Promise<express.Router> {
  const { httpAuth, service, samples, slos, exemptions, records, overview } =
    options;
  const router = Router();
  router.use(express.json({ limit: MAX_BODY_BYTES }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = req.params;
    res.json(
      await service.getEntityReliability(
        { kind, namespace, name },
        credentials,
      ),
    );
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const { days } = parseOrThrow(historyQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = req.params;
    res.json(
      await records.history({ kind, namespace, name }, days, credentials),
    );
  });

  router.get('/entities/:kind/:namespace/:name/readiness', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = req.params;
    res.json(
      await records.storedResult({ kind, namespace, name }, credentials),
    );
  });

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = req.params;
    res.json(await records.refreshOne({ kind, namespace, name }, credentials));
  });

  router.get('/overview', async (req, res) => {
    const query = parseOrThrow(overviewGroupSchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(
      await overview.aggregates(query.groupBy, filtersOf(query), credentials),
    );
  });

  router.get('/overview/entities', async (req, res) => {
    const query = parseOrThrow(overviewEntitiesSchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    if (query.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment('reliability-overview.csv')
        .send(await overview.csv(query, filtersOf(query), credentials));
      return;
    }
    res.json(await overview.entities(query, filtersOf(query), credentials));
  });

  router.get('/overview/kpis', async (req, res) => {
    const query = parseOrThrow(overviewFiltersSchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(await overview.kpis(filtersOf(query), credentials));
  });

  router.get('/overview/trends', async (req, res) => {
    const query = parseOrThrow(overviewTrendsSchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(await overview.trends(query.days, filtersOf(query), credentials));
  });

  router.post('/slis/:namespace/:name/samples', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { namespace, name } = req.params;
    res
      .status(201)
      .json(await samples.push({ namespace, name }, req.body, credentials));
  });

  router.get('/slis/:namespace/:name/samples', async (req, res) => {
    const query = parseOrThrow(samplesRange, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - 86_400_000);
    const { namespace, name } = req.params;
    res.json(
      await samples.list({ namespace, name }, { from, to }, credentials),
    );
  });

  router.get('/slos/:namespace/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { namespace, name } = req.params;
    res.json(await slos.getSlo({ namespace, name }, credentials));
  });

  router.get('/gate/:kind/:namespace/:name', async (req, res) => {
    const { change } = parseOrThrow(gateQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { kind, namespace, name } = req.params;
    res.json(await slos.gate({ kind, namespace, name }, change, credentials));
  });

  router.get('/exemptions', async (req, res) => {
    const { entityRef } = parseOrThrow(exemptionsQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(await exemptions.list(entityRef, credentials));
  });

  router.post('/exemptions', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.status(201).json(await exemptions.grant(req.body, credentials));
  });

  router.delete('/exemptions/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await exemptions.revoke(req.params.id, credentials);
    res.status(204).end();
  });

  router.get('/exemptions/:id/audit', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await exemptions.audit(req.params.id, credentials));
  });

  return router;
}

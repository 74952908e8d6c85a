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

/** Largest page the overview serves; larger requests are an input error. */
export const MAX_PAGE_SIZE = 500;

const overviewQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  kind: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a kind such as Component')
    .optional(),
});

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

const overviewGroupQuery = z.object({
  groupBy: z.enum(['tier', 'owner', 'system', 'level']).default('owner'),
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
}): Promise<express.Router> {
  const { httpAuth, service, samples, slos, exemptions, records } = options;
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

  router.post('/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { kind, namespace, name } = req.params;
    res.json(await records.refreshOne({ kind, namespace, name }, credentials));
  });

  router.get('/overview', async (req, res) => {
    const { groupBy } = parseOrThrow(overviewGroupQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(await records.overview(groupBy, credentials));
  });

  router.get('/overview/entities', async (req, res) => {
    const query = parseOrThrow(overviewQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    res.json(await service.listOverviewEntities(query, credentials));
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

import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { allCdsServices } from '../../app/cds-services.js';
import { publicBaseUrl } from '../../core/config.js';
import { AppError } from '../../core/errors.js';
import {
  createCardLedger,
  createCdsRegistry,
  createMemoryFeedbackStore,
  createRepositoryFeedbackStore,
  finishResult,
  recordFeedback,
  type CdsCaller,
  type CdsService,
  type FeedbackRecord,
  type SpecCard,
} from '../../cds/index.js';
import { medsReviewCdsService } from '../../meds/index.js';
import { buildPatientContext } from '../../patient/index.js';
import { SOFTWARE, type ServerDeps } from '../deps.js';
import { idParam } from '../request-input.js';
import { defineRoute } from '../route-table.js';

/** The workspace is the caller of its own CDS services (it has no EHR JWT). */
const WORKSPACE_CALLER: CdsCaller = { authenticated: false, issuer: null, clientId: 'vitalis-workspace', tenant: null };
const AGENT = { who: 'client:vitalis-workspace', clientId: 'vitalis-workspace' };

/** One card as the workspace shows it: the spec card, its service, and the feedback already recorded for it. */
interface WorkspaceCard {
  serviceId: string;
  serviceTitle: string;
  card: SpecCard;
  feedback: { outcome: 'accepted' | 'overridden'; overrideReason: string | null; at: string } | null;
}

const FeedbackBodySchema = z
  .object({
    outcome: z.enum(['accepted', 'overridden']),
    overrideReason: z
      .object({
        code: z.string().min(1).max(200),
        system: z.string().max(500).optional(),
        display: z.string().max(500).optional(),
      })
      .strict()
      .optional(),
    userComment: z.string().max(2000).optional(),
    acceptedSuggestions: z.array(z.string().min(1).max(128)).max(50).optional(),
  })
  .strict()
  .refine((b) => b.outcome === 'overridden' || b.overrideReason === undefined, {
    message: 'overrideReason is only valid with outcome overridden',
    path: ['overrideReason'],
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A stable uuid for the same advice on the same patient (service, card summary), so that feedback recorded on a card
 * is still shown when the cards are computed again.
 */
function stableUuid(parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function latestFeedback(records: FeedbackRecord[]): Map<string, WorkspaceCard['feedback']> {
  const byCard = new Map<string, WorkspaceCard['feedback']>();
  const sorted = [...records].sort((a, b) => a.outcomeTimestamp.localeCompare(b.outcomeTimestamp));
  for (const r of sorted) {
    byCard.set(r.card, {
      outcome: r.outcome,
      overrideReason: r.overrideReason ? (r.overrideReason.display ?? r.overrideReason.code) : null,
      at: r.outcomeTimestamp,
    });
  }
  return byCard;
}

function uuidParam(request: FastifyRequest): string {
  const uuid = (request.params as { uuid?: unknown }).uuid;
  if (typeof uuid !== 'string' || !UUID.test(uuid)) {
    throw new AppError('VITALIS_NOT_FOUND', 'No such card; reload the patient to get the current cards');
  }
  return uuid;
}

/**
 * Workspace routes for what no engine route provides: `GET /api/patients/:id/cards` runs the patient-view CDS services
 * in-process and returns their spec cards (with the feedback already recorded), and
 * `POST /api/patients/:id/cards/:uuid/feedback` records accept/override as CDS feedback (counted in
 * `/api/cds/feedback/stats`) and audits it.
 */
export function registerApiWorkspaceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const registry = createCdsRegistry([...(deps.cdsServices ?? allCdsServices()), medsReviewCdsService()]);
  const patientView: CdsService[] = registry.services.filter((s) => s.hook === 'patient-view');
  const ledger = createCardLedger(50_000);
  const store = deps.repo.capabilities.write ? createRepositoryFeedbackStore(deps.repo) : createMemoryFeedbackStore();
  const configuredBase = deps.config.baseUrl === undefined ? null : publicBaseUrl(deps.config);
  const cardPatient = new Map<string, string>();

  defineRoute(app, '/api/patients/:id/cards', {
    GET: async (request, reply) => {
      const id = idParam(request);
      const patient = await buildPatientContext(deps.repo, id);
      const baseUrl = configuredBase ?? `${request.protocol}://${request.host}`;
      const cards: WorkspaceCard[] = [];
      const errors: { serviceId: string; message: string }[] = [];
      for (const service of patientView) {
        try {
          const result = await service.handle({
            hook: 'patient-view',
            hookInstance: randomUUID(),
            context: { patientId: id, userId: 'Practitioner/workspace' },
            patient,
            draftOrders: [],
            selections: [],
            baseUrl,
          });
          for (const finished of finishResult(service.id, result).cards) {
            const uuid = stableUuid([id, service.id, finished.kind, finished.card.summary]);
            const card = { ...finished.card, uuid };
            ledger.remember(uuid, { serviceId: service.id, kind: finished.kind });
            cardPatient.set(uuid, id);
            deps.audit?.provenance({
              agent: AGENT,
              engine: { id: service.id, version: service.version ?? SOFTWARE.version },
              inputs: finished.inputs.length > 0 ? finished.inputs : [`Patient/${id}`],
              target: `cds-card/${uuid}`,
              patient: `Patient/${id}`,
            });
            cards.push({ serviceId: service.id, serviceTitle: service.title, card, feedback: null });
          }
        } catch (err) {
          deps.logger.warn('workspace card service failed', {
            serviceId: service.id,
            error: err instanceof AppError ? err.code : err instanceof Error ? err.name : 'unknown',
          });
          errors.push({
            serviceId: service.id,
            message: `${service.title} could not run; retry, or see the server log.`,
          });
        }
      }
      deps.audit?.access({
        agent: AGENT,
        patient: `Patient/${id}`,
        action: 'execute',
        what: 'api/patients/cards',
        purpose: 'TREAT',
        outcome: 'success',
      });
      const recorded = latestFeedback(await store.all());
      const withFeedback = cards.map((c) => ({ ...c, feedback: recorded.get(c.card.uuid) ?? null }));
      return reply.send({ patient: id, services: patientView.map((s) => s.id), cards: withFeedback, errors });
    },
  });

  defineRoute(app, '/api/patients/:id/cards/:uuid/feedback', {
    POST: async (request, reply) => {
      const id = idParam(request);
      const uuid = uuidParam(request);
      const issued = ledger.lookup(uuid);
      if (!issued || cardPatient.get(uuid) !== id) {
        throw new AppError('VITALIS_NOT_FOUND', 'No such card for this patient; reload the cards and try again');
      }
      const parsed = FeedbackBodySchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        const paths = [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)'))];
        throw new AppError('VITALIS_BAD_REQUEST', `Invalid card feedback: ${paths.join(', ')}`);
      }
      const body = parsed.data;
      const outcomeTimestamp = new Date().toISOString();
      const item = {
        card: uuid,
        outcome: body.outcome,
        outcomeTimestamp,
        ...(body.acceptedSuggestions && body.outcome === 'accepted'
          ? { acceptedSuggestions: body.acceptedSuggestions.map((s) => ({ id: s })) }
          : {}),
        ...(body.outcome === 'overridden' && (body.overrideReason || body.userComment)
          ? {
              overrideReason: {
                ...(body.overrideReason ? { reason: body.overrideReason } : {}),
                ...(body.userComment ? { userComment: body.userComment } : {}),
              },
            }
          : {}),
      };
      await recordFeedback({
        registry,
        serviceId: issued.serviceId,
        body: { feedback: [item] },
        caller: WORKSPACE_CALLER,
        ledger,
        store,
      });
      deps.audit?.access({
        agent: AGENT,
        patient: `Patient/${id}`,
        action: 'create',
        what: `cds-services/${issued.serviceId}/feedback`,
        purpose: 'TREAT',
        outcome: 'success',
        detail: body.outcome,
      });
      const reason = body.overrideReason ? (body.overrideReason.display ?? body.overrideReason.code) : null;
      return reply.send({ card: uuid, outcome: body.outcome, overrideReason: reason, at: outcomeTimestamp });
    },
  });
}

import type { Resource } from '@medplum/fhirtypes';
import { z } from 'zod';
import type { PatientContext } from '../patient/index.js';

/**
 * The CDS Hooks 2.0 service contract inside Vitalis. Engines (scores, medication safety, diagnosis, LLM summary)
 * register `CdsService`s in the registry; the HTTP layer (`src/server/routes/cds-*.ts`) handles discovery, JWT checks,
 * prefetch, building the patient context, uuids, audit and feedback. Services never touch HTTP.
 */

export const HOOKS = ['patient-view', 'order-select', 'order-sign', 'encounter-start', 'encounter-discharge'] as const;
export const HookSchema = z.enum(HOOKS);
export type Hook = z.infer<typeof HookSchema>;

/** A CDS Hooks Coding: `system` and `code` are required by CDS Hooks 2.0 (display is required in override reasons). */
export const CdsCodingSchema = z
  .object({ system: z.string().min(1), code: z.string().min(1), display: z.string().optional() })
  .strict();

export const CdsSourceSchema = z
  .object({
    label: z.string().min(1),
    url: z.url().optional(),
    icon: z.url().optional(),
    topic: CdsCodingSchema.optional(),
  })
  .strict();

export const CdsActionSchema = z
  .object({
    type: z.enum(['create', 'update', 'delete']),
    description: z.string(),
    resource: z.record(z.string(), z.unknown()).optional(),
    resourceId: z.array(z.string()).optional(),
  })
  .strict();

export const CdsSuggestionSchema = z
  .object({
    label: z.string().min(1),
    uuid: z.uuid().optional(),
    isRecommended: z.boolean().optional(),
    actions: z.array(CdsActionSchema).optional(),
  })
  .strict();

export const CdsLinkSchema = z
  .object({
    label: z.string().min(1),
    url: z.url(),
    type: z.enum(['absolute', 'smart']),
    appContext: z.string().optional(),
  })
  .strict();

/**
 * A card as a service returns it: `kind` (its rule id, for feedback statistics) and `inputs` are stripped before
 * sending; the HTTP layer adds the card and suggestion uuids (a uuid a service sets itself is kept).
 */
export const CardDraftSchema = z
  .object({
    kind: z.string().min(1),
    summary: z.string().min(1).max(139),
    detail: z.string().optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: CdsSourceSchema,
    suggestions: z.array(CdsSuggestionSchema).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z.array(CdsCodingSchema.extend({ display: z.string() })).optional(),
    links: z.array(CdsLinkSchema).optional(),
    /** Fact sources (`Type/id/_history/v`) the card rests on, for its Provenance; stripped before sending. */
    inputs: z.array(z.string()).optional(),
  })
  .strict();

export type CardDraft = z.infer<typeof CardDraftSchema>;
export type CdsAction = z.infer<typeof CdsActionSchema>;
export type CdsSuggestion = z.infer<typeof CdsSuggestionSchema>;

/** What a service receives: the validated hook call, the patient's context and the draft orders, if any. */
export interface CdsInvocation {
  hook: Hook;
  hookInstance: string;
  /** The hook's `context` object (userId, patientId, encounterId, selections, draftOrders…), validated per hook. */
  context: Record<string, unknown>;
  /** The patient context built from prefetch (or fetched from `fhirServer`); null when the hook names no patient. */
  patient: PatientContext | null;
  /** MedicationRequests and other orders from `context.draftOrders` (order-select / order-sign). */
  draftOrders: Resource[];
  /** For order-select: the ids (`Type/id`) in `context.selections`. */
  selections: string[];
  /** Vitalis's public base URL, for card source URLs and SMART links. */
  baseUrl: string;
}

export interface CdsServiceResult {
  cards: CardDraft[];
  systemActions?: z.infer<typeof CdsActionSchema>[];
}

/** A CDS service an engine contributes. `prefetch` templates use only the tokens and query forms the spec allows. */
export interface CdsService {
  id: string;
  hook: Hook;
  title: string;
  description: string;
  prefetch?: Record<string, string>;
  usageRequirements?: string;
  /** Engine version recorded in the Provenance of each card (default: the Vitalis version). */
  version?: string;
  handle(invocation: CdsInvocation): Promise<CdsServiceResult>;
}

import { z } from 'zod';
import { ActionSpecSchema, TierSchema } from './knowledge/schema.js';

/** One drug an alert is about. */
export const AlertDrugSchema = z.object({
  key: z.string(),
  label: z.string(),
  rxcuis: z.array(z.string()),
  status: z.enum(['order', 'active', 'past']),
  source: z.string().nullable(),
});

/** A chart fact that changed the alert (lab, problem, allergy), for provenance. */
export const AlertEvidenceSchema = z.object({ factId: z.string(), source: z.string(), what: z.string() });

/** One medication-safety alert: every alert names its rule, knowledge version and reference. */
export const MedAlertSchema = z.object({
  id: z.string(),
  category: z.enum(['interaction', 'allergy', 'duplicate', 'renal', 'elderly']),
  ruleId: z.string(),
  knowledgeVersion: z.string(),
  reference: z.string(),
  origin: z.string(),
  tier: TierSchema,
  /** The rule's default tier before context filters. */
  baseTier: TierSchema,
  summary: z.string().max(139),
  detail: z.string(),
  drugs: z.array(AlertDrugSchema),
  /** Why the tier is what it is (context filters applied), in plain words. */
  reasons: z.array(z.string()),
  evidence: z.array(AlertEvidenceSchema),
  /** Suggestions; `target` is the key of the drug they act on. */
  suggestions: z.array(z.object({ action: ActionSpecSchema, target: z.string() })),
  /** Other rules that matched the same drugs (less severe; folded into this alert). */
  alsoMatched: z.array(z.string()),
});

/** The result of `checkMedications`, served at /api and printed by `vitalis meds check --json`. */
export const MedsCheckResultSchema = z.object({
  patient: z.string(),
  evaluatedAt: z.string(),
  mode: z.enum(['orders', 'review']),
  knowledge: z.array(z.object({ name: z.string(), version: z.string(), rules: z.number().int() })),
  renal: z.object({ egfr: z.number().nullable(), crcl: z.number().nullable() }),
  checked: z.array(AlertDrugSchema),
  /** Drugs of the orders that could not be resolved to RxNorm ingredients. */
  unresolved: z.array(z.string()),
  alerts: z.array(MedAlertSchema),
});

export type AlertDrug = z.infer<typeof AlertDrugSchema>;
export type AlertEvidence = z.infer<typeof AlertEvidenceSchema>;
export type MedAlert = z.infer<typeof MedAlertSchema>;
export type MedsCheckResult = z.infer<typeof MedsCheckResultSchema>;

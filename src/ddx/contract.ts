import { z } from 'zod';

/**
 * The diagnosis engine's JSON contract (CLI, HTTP, CDS card, bench) and the recognizer port. A recognizer turns free
 * text into findings of the knowledge base; the rule-based one lives in `src/ddx/text/`, and the LLM extraction task
 * implements the same port.
 */

/** Where a finding came from: a patient-context fact (its id, e.g. `Observation/123#8480-6`) or a span of text. */
export const FindingSourceSchema = z.union([
  z.object({ kind: z.literal('fact'), fact: z.string(), resource: z.string() }).strict(),
  z.object({ kind: z.literal('text'), start: z.number().int(), end: z.number().int(), text: z.string() }).strict(),
  z.object({ kind: z.literal('user') }).strict(),
]);

export const RecognizedFindingSchema = z
  .object({
    /** Knowledge-base finding id (kebab-case slug). */
    id: z.string(),
    label: z.string(),
    present: z.boolean(),
    source: FindingSourceSchema,
    /** Family history, past history or current; only `current` and `past` feed conditions directly. */
    temporality: z.enum(['current', 'past', 'family']).default('current'),
  })
  .strict();

/** Demographics a text may state ("61 year old Male") or the chart holds. */
export const DemographicsSchema = z
  .object({
    age: z.number().min(0).max(130).nullable(),
    sex: z.enum(['female', 'male']).nullable(),
  })
  .strict();

export const RecognitionResultSchema = z
  .object({ findings: z.array(RecognizedFindingSchema), demographics: DemographicsSchema })
  .strict();

export type FindingSource = z.infer<typeof FindingSourceSchema>;
export type RecognizedFinding = z.infer<typeof RecognizedFindingSchema>;
export type Demographics = z.infer<typeof DemographicsSchema>;
export type RecognitionResult = z.infer<typeof RecognitionResultSchema>;

/** The recognizer port: rules, a trained encoder or the LLM extraction task. */
export interface FindingRecognizer {
  readonly id: string;
  recognize(text: string): Promise<RecognitionResult>;
}

export const WeightedFindingSchema = z.object({ finding: z.string(), label: z.string(), weight: z.number() }).strict();

export const DifferentialItemSchema = z
  .object({
    condition: z.string(),
    name: z.string(),
    icd10: z.array(z.string()),
    snomed: z.string(),
    probability: z.number().min(0).max(1),
    group: z.enum(['common', 'rare', 'cant-miss']),
    for: z.array(WeightedFindingSchema),
    against: z.array(WeightedFindingSchema),
    /** Present findings this condition does not explain (Internist's "import"). */
    unexplained: z.array(z.string()),
  })
  .strict();

export const NextBestSchema = z
  .object({ finding: z.string(), label: z.string(), expectedInformationGain: z.number(), kind: z.string() })
  .strict();

export const DdxResultSchema = z
  .object({
    findings: z.array(
      z.object({ id: z.string(), label: z.string(), present: z.boolean(), source: FindingSourceSchema }).strict(),
    ),
    differential: z.array(DifferentialItemSchema),
    nextBest: z.array(NextBestSchema),
    knowledgeVersion: z.string(),
  })
  .strict();

export type DdxResult = z.infer<typeof DdxResultSchema>;
export type DifferentialItem = z.infer<typeof DifferentialItemSchema>;

import { z } from 'zod';

/**
 * The source format of Vitalis's diagnostic knowledge base. Knowledge lives in `src/ddx/kb/data/*.ts` as plain objects
 * checked by these schemas (see `src/ddx/kb/README.md`). Findings are keyed by a kebab-case slug; several data files may
 * define the same finding, and the loader merges them (union of synonyms and codes; the kinds and value predicates must
 * agree).
 */

export const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case slug');

/** ICD-10-CM code, e.g. I21.4, R07.81, O00.1 (category letter + 2 digits, optional dot + up to 4 characters). */
export const Icd10Schema = z.string().regex(/^[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?$/, 'ICD-10-CM code');
/** SNOMED CT concept id: 6–18 digits (the last is a Verhoeff check digit; the integrity test checks it). */
export const SnomedSchema = z.string().regex(/^[1-9][0-9]{5,17}$/, 'SNOMED CT concept id');
/** LOINC code: digits, a dash and a mod-10 check digit (checked by the integrity test). */
export const LoincSchema = z.string().regex(/^[0-9]{1,7}-[0-9]$/, 'LOINC code');

export const FINDING_KINDS = [
  'symptom',
  'sign',
  'history',
  'risk-factor',
  'lab',
  'vital',
  'imaging',
  'demographic',
] as const;
export const FindingKindSchema = z.enum(FINDING_KINDS);

/**
 * A value predicate on a coded quantity: the finding is present when the latest value of any of `loinc` (converted to
 * `unit`, UCUM) satisfies it. `between` is inclusive of `low` and exclusive of `high`.
 */
export const ValuePredicateSchema = z.discriminatedUnion('op', [
  z.object({ op: z.enum(['>', '>=', '<', '<=']), value: z.number(), unit: z.string() }),
  z.object({ op: z.literal('between'), low: z.number(), high: z.number(), unit: z.string() }),
  /** Outside the observation's own reference range (high or low as stated). */
  z.object({ op: z.enum(['above-range', 'below-range']) }),
]);

export const FindingDefSchema = z
  .object({
    id: SlugSchema,
    /** Clinician-facing label, e.g. "Pleuritic chest pain". */
    label: z.string().min(2),
    kind: FindingKindSchema,
    /** Lower-case phrases that name the finding in text (the label is always a synonym too). */
    synonyms: z.array(z.string().min(2)).default([]),
    snomed: z.array(SnomedSchema).default([]),
    icd10: z.array(Icd10Schema).default([]),
    loinc: z.array(LoincSchema).default([]),
    /** For lab and vital findings: the value predicate on `loinc`. */
    predicate: ValuePredicateSchema.optional(),
    /** A more general finding this one implies (e.g. `chest-pain-pleuritic` implies `chest-pain`). */
    implies: z.array(SlugSchema).default([]),
    /**
     * For findings about how long the illness has lasted (e.g. `symptoms-over-two-weeks`): decided by the longest
     * duration stated in text ("for 3 weeks", "a 10-day history"), present when it satisfies `op days`.
     */
    duration: z
      .object({ op: z.enum(['>=', '<']), days: z.number().positive() })
      .strict()
      .optional(),
  })
  .strict();

/** Internist-style frequency 1–5, mapped to P(finding | condition) by `FREQUENCY_PROBABILITY`. */
export const FrequencySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
/** Internist-style evoking strength 0–5: how strongly the finding alone suggests the condition. */
export const EvokingSchema = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
]);

/** P(finding | condition) for each frequency grade: 1 rare … 5 essentially always present. */
export const FREQUENCY_PROBABILITY: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0.03, 2: 0.15, 3: 0.4, 4: 0.75, 5: 0.95 };

/**
 * A condition–finding link, written as a tuple [findingId, frequency, evoking] or an object when it needs more:
 * `absentRulesOut` marks findings whose absence argues strongly against the condition (sensitivity near 1).
 */
export const LinkSchema = z.union([
  z.tuple([SlugSchema, FrequencySchema, EvokingSchema]),
  z
    .object({
      finding: SlugSchema,
      frequency: FrequencySchema,
      evoking: EvokingSchema,
      absentRulesOut: z.boolean().optional(),
    })
    .strict(),
]);

export const UrgencySchema = z.enum(['routine', 'urgent', 'emergent']);
export const SexSchema = z.enum(['female', 'male']);

/** A multiplier on the prior for an age band (years, `min` inclusive, `max` exclusive). */
export const AgeModifierSchema = z
  .object({ min: z.number().min(0), max: z.number().max(130), factor: z.number().min(0) })
  .strict();

export const ConditionDefSchema = z
  .object({
    id: SlugSchema,
    name: z.string().min(2),
    icd10: z.array(Icd10Schema).min(1),
    snomed: SnomedSchema,
    /** Prevalence among presenting patients per setting (0–1): primary care and emergency department. */
    prior: z.object({ primaryCare: z.number().gt(0).lt(1), ed: z.number().gt(0).lt(1) }).strict(),
    /** When set, the condition only occurs in this sex (prior 0 otherwise). */
    sex: SexSchema.optional(),
    /** Prior multipliers by age; bands not listed have factor 1. A factor 0 excludes the band. */
    age: z.array(AgeModifierSchema).default([]),
    urgency: UrgencySchema,
    /** A can't-miss diagnosis: dangerous if missed and treatable; shown in its own group and favoured by next-best. */
    cantMiss: z.boolean().default(false),
    /** Guideline or textbook chapter the entry rests on. */
    reference: z.string().min(5),
    findings: z.array(LinkSchema).min(3),
    /** Typical next tests, as finding ids that the test would reveal (e.g. `d-dimer-elevated`, `ct-pulmonary-embolism`). */
    tests: z.array(SlugSchema).default([]),
    synonyms: z.array(z.string().min(2)).default([]),
  })
  .strict();

export type FindingDef = z.infer<typeof FindingDefSchema>;
export type FindingDefInput = z.input<typeof FindingDefSchema>;
export type ConditionDef = z.infer<typeof ConditionDefSchema>;
export type ConditionDefInput = z.input<typeof ConditionDefSchema>;
export type ValuePredicate = z.infer<typeof ValuePredicateSchema>;
export type Link = z.infer<typeof LinkSchema>;

/** Typed identity helpers for data files, so that each file is type-checked as it is written. */
export function defineFindings(findings: FindingDefInput[]): FindingDefInput[] {
  return findings;
}

export function defineConditions(conditions: ConditionDefInput[]): ConditionDefInput[] {
  return conditions;
}

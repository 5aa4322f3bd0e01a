import { z } from 'zod';
import { DRUG_CLASSES } from '../../patient/index.js';
import { MEDS_CLASSES } from './classes.js';

/** Alert tiers, most to least intrusive. */
export const TIERS = ['hard-stop', 'interruptive', 'informational'] as const;
export const TierSchema = z.enum(TIERS);
export type Tier = z.infer<typeof TierSchema>;

/** Any class a rule may name: the patient context's classes or our medication-safety classes. */
export const AnyClassSchema = z.union([z.enum(DRUG_CLASSES), z.enum(MEDS_CLASSES)]);
export type AnyClass = z.infer<typeof AnyClassSchema>;

/** Which drugs a rule side matches: listed ingredient RxCUIs and/or members of classes, minus exclusions. */
export const SelectorSchema = z
  .object({
    label: z.string().min(1),
    ingredients: z.array(z.string().regex(/^\d+$/)).optional(),
    classes: z.array(AnyClassSchema).optional(),
    exclude: z.array(z.string().regex(/^\d+$/)).optional(),
  })
  .strict()
  .refine((s) => (s.ingredients?.length ?? 0) + (s.classes?.length ?? 0) > 0, 'a selector needs members');
export type Selector = z.infer<typeof SelectorSchema>;

/** A suggestion a rule offers; turned into a CDS Hooks suggestion with real actions. */
export const ActionSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replace'), label: z.string(), rxcui: z.string(), name: z.string() }).strict(),
  z.object({ kind: z.literal('order-lab'), label: z.string(), loinc: z.string(), name: z.string() }).strict(),
  z.object({ kind: z.literal('adjust-dose'), label: z.string() }).strict(),
  z.object({ kind: z.literal('cancel-order'), label: z.string() }).strict(),
]);
export type ActionSpec = z.infer<typeof ActionSpecSchema>;

/** Named context evaluators in `ddi-context.ts` (age, GI bleed, PPI, labs, dose...). */
export const CONTEXTS = [
  'warfarin-nsaid',
  'digoxin-cyclosporine',
  'hyperkalemia',
  'qt',
  'statin-dose',
  'inr',
  'lithium',
] as const;
export const ContextIdSchema = z.enum(CONTEXTS);
export type ContextId = z.infer<typeof ContextIdSchema>;

/** Where a rule comes from (our own, the ONC lists, HL7 PDDI-CDS, or a knowledge base loaded at run time). */
export const RuleOriginSchema = z.enum([
  'onc-high-priority',
  'onc-non-interruptive',
  'hl7-pddi-cds',
  'vitalis',
  'external',
]);

/** One drug-drug interaction rule in our knowledge format. */
export const DdiRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    origin: RuleOriginSchema,
    a: SelectorSchema,
    b: SelectorSchema,
    tier: TierSchema,
    effect: z.string().min(1),
    management: z.string().min(1),
    reference: z.string().min(1),
    /** Topical/ophthalmic/otic/inhaled use of either drug lowers the tier to informational (default true). */
    systemicOnly: z.boolean().optional(),
    /** A drug of side `a`/`b` stopped within this many days still counts (e.g. MAOI wash-out). */
    washoutDays: z.number().int().positive().optional(),
    context: ContextIdSchema.optional(),
    actions: z.array(ActionSpecSchema).optional(),
  })
  .strict();
export type DdiRule = z.infer<typeof DdiRuleSchema>;

/** An extra ingredient (or extra classes for a known one) in our own drug table. */
export const DrugEntrySchema = z
  .object({
    rxcui: z.string().regex(/^\d+$/),
    name: z.string().min(1),
    classes: z.array(AnyClassSchema),
    aliases: z.array(z.string()).optional(),
  })
  .strict();
export type DrugEntry = z.infer<typeof DrugEntrySchema>;

/** A drug product we know the route and strength of (for `--order rxnorm:CODE`). */
export const ProductEntrySchema = z
  .object({
    rxcui: z.string().regex(/^\d+$/),
    name: z.string(),
    ingredients: z.array(z.string().regex(/^\d+$/)).min(1),
    route: z.enum(['oral', 'topical', 'intravenous', 'subcutaneous', 'inhaled', 'ophthalmic', 'transdermal']),
    strengthMg: z.number().positive().optional(),
  })
  .strict();
export type ProductEntry = z.infer<typeof ProductEntrySchema>;

/** One renal dosing band: applies when the measure is below `below` (and at or above `atLeast`, if given). */
export const RenalBandSchema = z
  .object({
    below: z.number().positive(),
    atLeast: z.number().nonnegative().optional(),
    tier: TierSchema,
    /** What to do, e.g. "contraindicated: stop" or "max 1000 mg/day". */
    advice: z.string().min(1),
    action: z.enum(['stop', 'adjust-dose', 'avoid-start', 'monitor']),
  })
  .strict();

/** Renal dosing of one ingredient against eGFR (CKD-EPI) or CrCl (Cockcroft-Gault). */
export const RenalRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    ingredients: z.array(z.string().regex(/^\d+$/)).min(1),
    label: z.string(),
    measure: z.enum(['egfr', 'crcl']),
    bands: z.array(RenalBandSchema).min(1),
    reference: z.string().min(1),
  })
  .strict();
export type RenalRule = z.infer<typeof RenalRuleSchema>;
export type RenalBand = z.infer<typeof RenalBandSchema>;

/** A potentially inappropriate medication for people aged 65 and over (our own list, public sources). */
export const PimRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    selector: SelectorSchema,
    concern: z.string().min(1),
    alternative: z.string().min(1),
    tier: TierSchema,
    /** Only when the drug has been taken longer than this (e.g. PPI > 8 weeks). */
    minDurationDays: z.number().int().positive().optional(),
    /** Escalates to interruptive when the patient has a documented fall. */
    fallRisk: z.boolean().optional(),
    /** Only above this daily dose in mg (e.g. digoxin > 0.125 mg). */
    minDailyDoseMg: z.number().positive().optional(),
    reference: z.string().min(1),
  })
  .strict();
export type PimRule = z.infer<typeof PimRuleSchema>;

/** Allergy cross-sensitivity: an allergy to a member of `allergen` makes `drug` risky at `tier`. */
export const CrossSensitivityRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    allergen: SelectorSchema,
    drug: SelectorSchema,
    tier: TierSchema,
    /** Tier when the recorded reaction was severe (anaphylaxis) or criticality high. */
    severeTier: TierSchema,
    note: z.string().min(1),
    reference: z.string().min(1),
  })
  .strict();
export type CrossSensitivityRule = z.infer<typeof CrossSensitivityRuleSchema>;

/** Classes where two different ingredients at once are usually a duplication. */
export const DuplicateClassSchema = z
  .object({ class: AnyClassSchema, label: z.string(), reference: z.string().min(1) })
  .strict();
export type DuplicateClass = z.infer<typeof DuplicateClassSchema>;

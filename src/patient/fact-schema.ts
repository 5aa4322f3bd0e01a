import { z } from 'zod';
import { DRUG_CLASSES } from './knowledge/rxnorm-ingredients.js';
import { VITAL_SIGNS } from './knowledge/loinc-units.js';

/** A code in a code system; `system` is the FHIR system URI (null when the source had none). */
export const CodingSchema = z.object({
  system: z.string().nullable(),
  code: z.string(),
  display: z.string().nullable(),
});

/** The kinds of facts a patient context holds. */
export const FACT_KINDS = [
  'problem',
  'medication',
  'allergy',
  'vital',
  'lab',
  'observation',
  'encounter',
  'procedure',
  'immunization',
  'note',
  'report',
  'imaging',
] as const;

export const FactKindSchema = z.enum(FACT_KINDS);

/** A value as the engines read it: quantities are in the canonical unit, the original is kept beside. */
export const FactValueSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('quantity'),
    /** Value in `unit`: the canonical unit of the code when `canonical` is true. */
    value: z.number(),
    /** UCUM code (null when the source unit was missing or not valid UCUM). */
    unit: z.string().nullable(),
    canonical: z.boolean(),
    comparator: z.enum(['<', '<=', '>=', '>', 'ad']).nullable(),
    original: z.object({ value: z.number(), unit: z.string().nullable() }),
  }),
  z.object({ type: z.literal('coded'), coding: CodingSchema.nullable(), text: z.string().nullable() }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('boolean'), value: z.boolean() }),
]);

/** Flags every fact has; null means "not applicable" or "unknown". */
export const FactFlagsSchema = z.object({
  /** Problem/medication/allergy is current (clinical status active, recurrence or relapse; request active). */
  active: z.boolean().nullable(),
  /** Observation outside its reference range or interpreted as abnormal. */
  abnormal: z.boolean().nullable(),
});

/**
 * Fields common to every fact. `id` is stable across versions of the resource (`Type/id`, plus `#suffix` when a
 * resource yields several facts, e.g. `Observation/bp1#8480-6`); `source` pins the exact version read
 * (`Type/id/_history/version`, or `Type/id` when the resource carries no meta.versionId).
 */
export const FactBaseSchema = z.object({
  id: z.string(),
  kind: FactKindSchema,
  source: z.string(),
  /** The preferred coding (e.g. SNOMED CT for problems, RxNorm for medications, LOINC for observations). */
  code: CodingSchema.nullable(),
  /** Every coding of the concept, preferred first. */
  codes: z.array(CodingSchema),
  /** Human-readable label (CodeableConcept.text, else the first display, else the code). */
  text: z.string(),
  /** The clinically relevant time (onset, effective, authoredOn, period start...), ISO 8601 as in the source. */
  effectiveTime: z.string().nullable(),
  /** End of the effective period (abatement, period end) when there is one. */
  effectiveEnd: z.string().nullable(),
  value: FactValueSchema.nullable(),
  flags: FactFlagsSchema,
  /** The resource's status (Observation.status, MedicationRequest.status...), null when it has none. */
  status: z.string().nullable(),
  /** Fact id of the encounter the resource belongs to (`Encounter/id`), when it names one. */
  encounter: z.string().nullable(),
});

export const ProblemFactSchema = FactBaseSchema.extend({
  kind: z.literal('problem'),
  clinicalStatus: z.string().nullable(),
  verificationStatus: z.string().nullable(),
  category: z.array(z.string()),
  snomed: z.array(z.string()),
  icd10: z.array(z.string()),
  onset: z.string().nullable(),
  abatement: z.string().nullable(),
  recordedDate: z.string().nullable(),
});

export const DrugClassSchema = z.enum(DRUG_CLASSES);

/** How an ingredient was found: Medication resource, our clinical-drug table, or the drug's display text. */
export const IngredientSourceSchema = z.enum([
  'medication-resource',
  'clinical-drug-table',
  'ingredient-code',
  'display-text',
]);

export const IngredientSchema = z.object({
  /** RxNorm ingredient RxCUI (null when only a name is known, e.g. an uncoded Medication ingredient). */
  rxcui: z.string().nullable(),
  name: z.string(),
  classes: z.array(DrugClassSchema),
  resolvedBy: IngredientSourceSchema,
});

export const MedicationFactSchema = FactBaseSchema.extend({
  kind: z.literal('medication'),
  resourceType: z.enum(['MedicationRequest', 'MedicationStatement', 'MedicationAdministration']),
  intent: z.string().nullable(),
  authoredOn: z.string().nullable(),
  /** RxNorm code of the product (SCD/SBD...) when coded. */
  rxnorm: z.string().nullable(),
  dosageText: z.string().nullable(),
  route: CodingSchema.nullable(),
  ingredients: z.array(IngredientSchema),
  /** Union of the ingredients' classes (sorted), for quick rule matching. */
  classes: z.array(DrugClassSchema),
});

export const ReactionSchema = z.object({
  substance: CodingSchema.nullable(),
  manifestations: z.array(z.string()),
  severity: z.string().nullable(),
});

export const AllergyFactSchema = FactBaseSchema.extend({
  kind: z.literal('allergy'),
  clinicalStatus: z.string().nullable(),
  verificationStatus: z.string().nullable(),
  type: z.string().nullable(),
  category: z.array(z.string()),
  criticality: z.string().nullable(),
  reactions: z.array(ReactionSchema),
  /** Drug ingredients the substance maps to (for drug-allergy checks); empty for food/environment. */
  ingredients: z.array(IngredientSchema),
});

export const ReferenceRangeSchema = z.object({
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: z.string().nullable(),
  text: z.string().nullable(),
  /** 'resource' when from Observation.referenceRange, 'knowledge' when from our default adult intervals. */
  origin: z.enum(['resource', 'knowledge']),
});

export const VitalSignSchema = z.enum(VITAL_SIGNS);

export const ObservationFactSchema = FactBaseSchema.extend({
  kind: z.enum(['vital', 'lab', 'observation']),
  category: z.array(z.string()),
  loinc: z.string().nullable(),
  vitalSign: VitalSignSchema.nullable(),
  referenceRange: ReferenceRangeSchema.nullable(),
  interpretation: z.array(CodingSchema),
  /** Fact id of the panel observation this value was a component of (e.g. a blood pressure panel). */
  panel: z.string().nullable(),
});

export const EncounterFactSchema = FactBaseSchema.extend({
  kind: z.literal('encounter'),
  class: z.string().nullable(),
  reasons: z.array(CodingSchema),
});

export const ProcedureFactSchema = FactBaseSchema.extend({
  kind: z.literal('procedure'),
  reasons: z.array(CodingSchema),
  bodySites: z.array(CodingSchema),
});

export const ImmunizationFactSchema = FactBaseSchema.extend({
  kind: z.literal('immunization'),
  cvx: z.string().nullable(),
});

export const NoteFactSchema = FactBaseSchema.extend({
  kind: z.literal('note'),
  resourceType: z.enum(['DocumentReference', 'DiagnosticReport']),
  contentType: z.string().nullable(),
  /** Decoded plain text (text/* attachments and report conclusions); null when only a URL or binary was given. */
  content: z.string().nullable(),
});

export const ReportFactSchema = FactBaseSchema.extend({
  kind: z.literal('report'),
  category: z.array(z.string()),
  conclusion: z.string().nullable(),
  conclusionCodes: z.array(CodingSchema),
  /** Fact ids of the result observations (`Observation/id`). */
  results: z.array(z.string()),
});

export const ImagingFactSchema = FactBaseSchema.extend({
  kind: z.literal('imaging'),
  modalities: z.array(CodingSchema),
  bodySites: z.array(CodingSchema),
  numberOfSeries: z.number().nullable(),
  numberOfInstances: z.number().nullable(),
});

export type Coding = z.infer<typeof CodingSchema>;
export type FactKind = z.infer<typeof FactKindSchema>;
export type FactValue = z.infer<typeof FactValueSchema>;
export type FactFlags = z.infer<typeof FactFlagsSchema>;
export type FactBase = z.infer<typeof FactBaseSchema>;
export type ProblemFact = z.infer<typeof ProblemFactSchema>;
export type Ingredient = z.infer<typeof IngredientSchema>;
export type IngredientSource = z.infer<typeof IngredientSourceSchema>;
export type MedicationFact = z.infer<typeof MedicationFactSchema>;
export type Reaction = z.infer<typeof ReactionSchema>;
export type AllergyFact = z.infer<typeof AllergyFactSchema>;
export type ReferenceRange = z.infer<typeof ReferenceRangeSchema>;
export type ObservationFact = z.infer<typeof ObservationFactSchema>;
export type EncounterFact = z.infer<typeof EncounterFactSchema>;
export type ProcedureFact = z.infer<typeof ProcedureFactSchema>;
export type ImmunizationFact = z.infer<typeof ImmunizationFactSchema>;
export type NoteFact = z.infer<typeof NoteFactSchema>;
export type ReportFact = z.infer<typeof ReportFactSchema>;
export type ImagingFact = z.infer<typeof ImagingFactSchema>;

import { z } from 'zod';
import { DrugClassSchema } from '../../patient/index.js';

/** A chart concept a score reads from the problem list: SNOMED CT codes and ICD-10(-CM) code prefixes. */
export const ConditionSetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  snomed: z.array(z.string().regex(/^\d{6,18}$/)),
  /** ICD-10 / ICD-10-CM prefixes, without the dot (e.g. 'I50', 'I110'). */
  icd10: z.array(z.string().regex(/^[A-Z](\d{2}[0-9A-Z]{0,4})?$/)),
  /** True when a resolved or inactive entry still counts (a history item, e.g. prior stroke). */
  history: z.boolean(),
  reference: z.string().min(10),
});

/** Medications a score reads: by our drug classes and/or RxNorm ingredient names. */
export const MedicationSetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  classes: z.array(DrugClassSchema),
  /** Lower-case RxNorm ingredient names (also matched in the drug's text when not coded). */
  ingredients: z.array(z.string().regex(/^[a-z][a-z -]*$/)),
  /** Leave out topical/ophthalmic/otic/transdermal routes (local action only). */
  systemicOnly: z.boolean(),
  reference: z.string().min(10),
});

/** Observations a score reads: LOINC codes and the unit the score works in. */
export const ObservationSetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  loinc: z.array(z.string().regex(/^\d{1,7}-\d$/)).min(1),
  unit: z.string().min(1),
  reference: z.string().min(10),
});

export type ConditionSet = z.infer<typeof ConditionSetSchema>;
export type MedicationSet = z.infer<typeof MedicationSetSchema>;
export type ObservationSet = z.infer<typeof ObservationSetSchema>;

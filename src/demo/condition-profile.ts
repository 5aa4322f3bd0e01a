import type { DrugKey } from './drugs.js';
import type { LabKey } from './labs.js';

/** One condition profile: its SNOMED CT and ICD-10-CM codes and what it implies for meds and labs. */
export interface ConditionProfile {
  readonly snomed: readonly [code: string, display: string];
  readonly icd10: readonly [code: string, display: string];
  /** Chronic conditions stay active; acute ones are usually resolved. */
  readonly chronic: boolean;
  /** Relative frequency among random patients (0 = showcase only). */
  readonly weight: number;
  readonly minAge: number;
  readonly maxAge?: number;
  readonly sex?: 'male' | 'female';
  readonly meds: readonly DrugKey[];
  /** Typical [min, max] baseline for labs this condition shifts. */
  readonly labs: Partial<Record<LabKey, readonly [number, number]>>;
  /** How clinicians phrase it in notes. */
  readonly phrase: string;
  readonly plan: string;
}

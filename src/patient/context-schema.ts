import { z } from 'zod';
import {
  AllergyFactSchema,
  CodingSchema,
  EncounterFactSchema,
  ImagingFactSchema,
  ImmunizationFactSchema,
  MedicationFactSchema,
  NoteFactSchema,
  ObservationFactSchema,
  ProblemFactSchema,
  ProcedureFactSchema,
  ReportFactSchema,
  VitalSignSchema,
} from './fact-schema.js';

/** The version of the PatientContext JSON shape; bump on breaking changes. */
export const PATIENT_CONTEXT_VERSION = 1;

/** Age at `now` (or at death); `months` and `days` are totals, for infants and neonates. */
export const AgeSchema = z.object({
  years: z.number().int(),
  months: z.number().int(),
  days: z.number().int(),
});

/** Engine-facing demographics: no names or addresses. */
export const PatientSummarySchema = z.object({
  id: z.string(),
  source: z.string(),
  birthDate: z.string().nullable(),
  age: AgeSchema.nullable(),
  /** FHIR administrative gender. */
  sex: z.enum(['male', 'female', 'other', 'unknown']),
  deceased: z.boolean(),
  deceasedDateTime: z.string().nullable(),
});

/** Identifying data for display only; engines must not read it (and it is stripped before external models). */
export const PatientDisplaySchema = z.object({
  name: z.string().nullable(),
});

/** One point of an observation's time series, in the series' unit. */
export const SeriesPointSchema = z.object({
  factId: z.string(),
  time: z.string().nullable(),
  value: z.number(),
});

/** All numeric values of one code, oldest first, with the latest fact and a simple trend. */
export const ObservationSeriesSchema = z.object({
  /** `system|code` of the series (LOINC for most). */
  key: z.string(),
  code: CodingSchema,
  text: z.string(),
  vitalSign: VitalSignSchema.nullable(),
  /** The unit of every point (canonical unit when known; values in other units are left out of the points). */
  unit: z.string().nullable(),
  latest: ObservationFactSchema,
  points: z.array(SeriesPointSchema),
  /** Latest vs previous point: 'up', 'down' or 'stable' (within 1%); null with fewer than two points. */
  trend: z.enum(['up', 'down', 'stable']).nullable(),
});

/** Observations of one group (vitals or labs): every fact, newest first, plus one series per code. */
export const ObservationGroupSchema = z.object({
  facts: z.array(ObservationFactSchema),
  series: z.array(ObservationSeriesSchema),
});

/** Counts that help judge the completeness of a context (no PHI). */
export const ContextStatsSchema = z.object({
  resources: z.number().int(),
  facts: z.number().int(),
  /** Resource types read but not turned into facts (e.g. Claim), with counts. */
  ignored: z.record(z.string(), z.number().int()),
  medicationsWithoutIngredients: z.number().int(),
  observationsWithoutCanonicalUnit: z.number().int(),
});

/**
 * The patient context: the only input of the clinical engines. Every list is sorted newest first (facts without
 * a time last). Every fact cites its resource version in `source`.
 */
export const PatientContextSchema = z.object({
  schemaVersion: z.literal(PATIENT_CONTEXT_VERSION),
  /** The `now` the context was computed for (ages and "active" depend on it). */
  asOf: z.string(),
  patient: PatientSummarySchema,
  display: PatientDisplaySchema,
  problems: z.array(ProblemFactSchema),
  medications: z.array(MedicationFactSchema),
  allergies: z.array(AllergyFactSchema),
  vitals: ObservationGroupSchema,
  labs: ObservationGroupSchema,
  /** Other observations: social history, surveys, exam findings... */
  observations: z.array(ObservationFactSchema),
  encounters: z.array(EncounterFactSchema),
  procedures: z.array(ProcedureFactSchema),
  immunizations: z.array(ImmunizationFactSchema),
  notes: z.array(NoteFactSchema),
  reports: z.array(ReportFactSchema),
  imaging: z.array(ImagingFactSchema),
  stats: ContextStatsSchema,
});

export type Age = z.infer<typeof AgeSchema>;
export type PatientSummary = z.infer<typeof PatientSummarySchema>;
export type PatientDisplay = z.infer<typeof PatientDisplaySchema>;
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;
export type ObservationSeries = z.infer<typeof ObservationSeriesSchema>;
export type ObservationGroup = z.infer<typeof ObservationGroupSchema>;
export type ContextStats = z.infer<typeof ContextStatsSchema>;
export type PatientContext = z.infer<typeof PatientContextSchema>;

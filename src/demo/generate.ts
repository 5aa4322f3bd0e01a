import type { Bundle } from '@medplum/fhirtypes';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { DEFAULT_ANCHOR_DATE, parseAnchor } from './dates.js';
import { buildRandomPatient } from './random-patient.js';
import { buildShowcasePatient } from './showcase.js';

/** Options for the demo generator. */
export interface DemoOptions {
  /** Total number of patients (the showcase patients come first). */
  patients: number;
  seed: number;
  /**
   * YYYY-MM-DD (noon UTC that day) or a UTC instant YYYY-MM-DDTHH:MM[:SS]Z; all dates are relative to it (default
   * 2026-06-01). No generated event is later than 4 h 30 min before the anchor.
   */
  anchorDate?: string;
}

const OptionsSchema = z.object({
  patients: z.number().int().min(0).max(10_000_000),
  seed: z.number().int().min(0).max(0xffffffff),
  anchorDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/)
    .optional(),
});

/** Validates generator options; throws VITALIS_BAD_REQUEST. */
export function parseDemoOptions(options: DemoOptions): { patients: number; seed: number; anchor: number } {
  const parsed = OptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      `Invalid demo options: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  return {
    patients: parsed.data.patients,
    seed: parsed.data.seed,
    anchor: parseAnchor(parsed.data.anchorDate ?? DEFAULT_ANCHOR_DATE),
  };
}

/** Yields one deterministic `transaction` Bundle per patient: the showcase patients first, then random ones. */
export function* generateDemoPatients(options: DemoOptions): Generator<Bundle> {
  const { patients, seed, anchor } = parseDemoOptions(options);
  for (let index = 0; index < patients; index++) {
    yield buildShowcasePatient(index, anchor) ?? buildRandomPatient({ seed, index, anchor });
  }
}

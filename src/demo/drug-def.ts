/** Medications (RxNorm clinical drugs) with a typical dosage. */
export type Route = 'oral' | 'iv' | 'inhaled' | 'sublingual';

/** A clinical drug (RxNorm SCD) with its usual dose and frequency. */
export interface DrugDef {
  readonly rxnorm: string;
  readonly display: string;
  /** Short name used in notes. */
  readonly name: string;
  readonly route: Route;
  readonly dose: number;
  readonly doseUnit: string;
  /** Times per day (ignored when asNeeded). */
  readonly perDay: number;
  readonly asNeeded?: boolean;
}

/** Routes of administration (SNOMED CT). */
export const ROUTES: Record<Route, { code: string; display: string }> = {
  oral: { code: '26643006', display: 'Oral route' },
  iv: { code: '47625008', display: 'Intravenous route' },
  inhaled: { code: '447694001', display: 'Respiratory tract route' },
  sublingual: { code: '37839007', display: 'Sublingual route' },
};

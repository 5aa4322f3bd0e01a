import type { ScoreExtra } from './extra-schema.js';

/** Catecholamine doses in µg/kg/min (absent = not given). */
export type SofaDoses = Pick<
  NonNullable<ScoreExtra['sofa']>,
  'dopamine' | 'dobutamine' | 'epinephrine' | 'norepinephrine'
>;

/** Respiration points from PaO2/FiO2 (mmHg); 3-4 need respiratory support, else capped at 2. */
export function sofaRespirationPoints(ratio: number, support: boolean): number {
  if (ratio < 100 && support) {
    return 4;
  }
  if (ratio < 200 && support) {
    return 3;
  }
  return ratio < 300 ? 2 : ratio < 400 ? 1 : 0;
}

/** Coagulation points from platelets (10^3/µL). */
export function sofaPlateletPoints(p: number): number {
  return p < 20 ? 4 : p < 50 ? 3 : p < 100 ? 2 : p < 150 ? 1 : 0;
}

/** Liver points from bilirubin (mg/dL); the top band is read as >= 12.0. */
export function sofaBilirubinPoints(b: number): number {
  return b >= 12 ? 4 : b >= 6 ? 3 : b >= 2 ? 2 : b >= 1.2 ? 1 : 0;
}

/** Cardiovascular points from MAP and catecholamine doses (µg/kg/min). */
export function sofaCardiovascularPoints(map: number | null, doses: SofaDoses): number {
  const { dopamine = 0, dobutamine = 0, epinephrine = 0, norepinephrine = 0 } = doses;
  if (dopamine > 15 || epinephrine > 0.1 || norepinephrine > 0.1) {
    return 4;
  }
  if (dopamine > 5 || epinephrine > 0 || norepinephrine > 0) {
    return 3;
  }
  if (dopamine > 0 || dobutamine > 0) {
    return 2;
  }
  return map !== null && map < 70 ? 1 : 0;
}

/** CNS points from the Glasgow Coma Scale. */
export function sofaGcsPoints(gcs: number): number {
  return gcs < 6 ? 4 : gcs <= 9 ? 3 : gcs <= 12 ? 2 : gcs <= 14 ? 1 : 0;
}

/** Renal points from creatinine (mg/dL) and/or urine output (mL/day); the worse of the two. */
export function sofaRenalPoints(creatinine: number | null, urineMlPerDay: number | null): number {
  const c =
    creatinine === null
      ? 0
      : creatinine >= 5
        ? 4
        : creatinine >= 3.5
          ? 3
          : creatinine >= 2
            ? 2
            : creatinine >= 1.2
              ? 1
              : 0;
  const u = urineMlPerDay === null ? 0 : urineMlPerDay < 200 ? 4 : urineMlPerDay < 500 ? 3 : 0;
  return Math.max(c, u);
}

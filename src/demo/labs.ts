/** Laboratory tests (LOINC, UCUM) with reference ranges and typical healthy values. */
export interface LabDef {
  readonly code: string;
  readonly display: string;
  readonly short: string;
  readonly unit: string;
  /** UCUM code (differs from the human unit for a few). */
  readonly ucum: string;
  readonly low?: number;
  readonly high?: number;
  /** Typical healthy mean and spread. */
  readonly mean: number;
  readonly sd: number;
  readonly decimals: number;
}

const lab = (def: LabDef): LabDef => def;

/** Laboratory tests by key. */
export const LABS = {
  creatinine: lab({
    code: '2160-0',
    display: 'Creatinine [Mass/volume] in Serum or Plasma',
    short: 'Creatinine',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    low: 0.6,
    high: 1.3,
    mean: 0.95,
    sd: 0.15,
    decimals: 2,
  }),
  egfr: lab({
    code: '98979-8',
    display:
      'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)',
    short: 'eGFR',
    unit: 'mL/min/1.73m2',
    ucum: 'mL/min/{1.73_m2}',
    low: 60,
    mean: 88,
    sd: 12,
    decimals: 0,
  }),
  potassium: lab({
    code: '2823-3',
    display: 'Potassium [Moles/volume] in Serum or Plasma',
    short: 'K',
    unit: 'mmol/L',
    ucum: 'mmol/L',
    low: 3.5,
    high: 5.1,
    mean: 4.2,
    sd: 0.3,
    decimals: 1,
  }),
  sodium: lab({
    code: '2951-2',
    display: 'Sodium [Moles/volume] in Serum or Plasma',
    short: 'Na',
    unit: 'mmol/L',
    ucum: 'mmol/L',
    low: 136,
    high: 145,
    mean: 140,
    sd: 2,
    decimals: 0,
  }),
  glucose: lab({
    code: '2345-7',
    display: 'Glucose [Mass/volume] in Serum or Plasma',
    short: 'Glucose',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    low: 70,
    high: 99,
    mean: 88,
    sd: 8,
    decimals: 0,
  }),
  bun: lab({
    code: '3094-0',
    display: 'Urea nitrogen [Mass/volume] in Serum or Plasma',
    short: 'BUN',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    low: 7,
    high: 20,
    mean: 14,
    sd: 3,
    decimals: 0,
  }),
  hba1c: lab({
    code: '4548-4',
    display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
    short: 'HbA1c',
    unit: '%',
    ucum: '%',
    low: 4,
    high: 5.6,
    mean: 5.2,
    sd: 0.25,
    decimals: 1,
  }),
  hemoglobin: lab({
    code: '718-7',
    display: 'Hemoglobin [Mass/volume] in Blood',
    short: 'Hgb',
    unit: 'g/dL',
    ucum: 'g/dL',
    low: 12,
    high: 17.5,
    mean: 14,
    sd: 1,
    decimals: 1,
  }),
  wbc: lab({
    code: '6690-2',
    display: 'Leukocytes [#/volume] in Blood by Automated count',
    short: 'WBC',
    unit: '10*3/uL',
    ucum: '10*3/uL',
    low: 4,
    high: 11,
    mean: 7,
    sd: 1.4,
    decimals: 1,
  }),
  platelets: lab({
    code: '777-3',
    display: 'Platelets [#/volume] in Blood by Automated count',
    short: 'Plt',
    unit: '10*3/uL',
    ucum: '10*3/uL',
    low: 150,
    high: 400,
    mean: 250,
    sd: 45,
    decimals: 0,
  }),
  inr: lab({
    code: '6301-6',
    display: 'INR in Platelet poor plasma by Coagulation assay',
    short: 'INR',
    unit: 'INR',
    ucum: '{INR}',
    low: 0.8,
    high: 1.2,
    mean: 1.0,
    sd: 0.08,
    decimals: 1,
  }),
  troponinI: lab({
    code: '10839-9',
    display: 'Troponin I.cardiac [Mass/volume] in Serum or Plasma',
    short: 'Troponin I',
    unit: 'ng/mL',
    ucum: 'ng/mL',
    high: 0.04,
    mean: 0.01,
    sd: 0.005,
    decimals: 3,
  }),
  hsTroponinI: lab({
    code: '89579-7',
    display: 'Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method',
    short: 'hs-TnI',
    unit: 'ng/L',
    ucum: 'ng/L',
    high: 26,
    mean: 4,
    sd: 2,
    decimals: 0,
  }),
  lactate: lab({
    code: '2524-7',
    display: 'Lactate [Moles/volume] in Serum or Plasma',
    short: 'Lactate',
    unit: 'mmol/L',
    ucum: 'mmol/L',
    low: 0.5,
    high: 2.2,
    mean: 1.1,
    sd: 0.3,
    decimals: 1,
  }),
  crp: lab({
    code: '1988-5',
    display: 'C reactive protein [Mass/volume] in Serum or Plasma',
    short: 'CRP',
    unit: 'mg/L',
    ucum: 'mg/L',
    high: 10,
    mean: 3,
    sd: 1.5,
    decimals: 1,
  }),
  procalcitonin: lab({
    code: '33959-8',
    display: 'Procalcitonin [Mass/volume] in Serum or Plasma',
    short: 'PCT',
    unit: 'ng/mL',
    ucum: 'ng/mL',
    high: 0.5,
    mean: 0.05,
    sd: 0.02,
    decimals: 2,
  }),
  bilirubin: lab({
    code: '1975-2',
    display: 'Bilirubin.total [Mass/volume] in Serum or Plasma',
    short: 'T bili',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    low: 0.1,
    high: 1.2,
    mean: 0.6,
    sd: 0.2,
    decimals: 1,
  }),
  albumin: lab({
    code: '1751-7',
    display: 'Albumin [Mass/volume] in Serum or Plasma',
    short: 'Albumin',
    unit: 'g/dL',
    ucum: 'g/dL',
    low: 3.5,
    high: 5,
    mean: 4.2,
    sd: 0.3,
    decimals: 1,
  }),
  alt: lab({
    code: '1742-6',
    display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
    short: 'ALT',
    unit: 'U/L',
    ucum: 'U/L',
    low: 7,
    high: 56,
    mean: 24,
    sd: 8,
    decimals: 0,
  }),
  cholesterol: lab({
    code: '2093-3',
    display: 'Cholesterol [Mass/volume] in Serum or Plasma',
    short: 'Total chol',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    high: 200,
    mean: 180,
    sd: 20,
    decimals: 0,
  }),
  ldl: lab({
    code: '13457-7',
    display: 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation',
    short: 'LDL',
    unit: 'mg/dL',
    ucum: 'mg/dL',
    high: 100,
    mean: 95,
    sd: 18,
    decimals: 0,
  }),
  tsh: lab({
    code: '3016-3',
    display: 'Thyrotropin [Units/volume] in Serum or Plasma',
    short: 'TSH',
    unit: 'mIU/L',
    ucum: 'm[IU]/L',
    low: 0.4,
    high: 4,
    mean: 1.8,
    sd: 0.6,
    decimals: 2,
  }),
  ntprobnp: lab({
    code: '33762-6',
    display: 'Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma',
    short: 'NT-proBNP',
    unit: 'pg/mL',
    ucum: 'pg/mL',
    high: 125,
    mean: 60,
    sd: 25,
    decimals: 0,
  }),
} as const;

/** Key of a lab test in LABS. */
export type LabKey = keyof typeof LABS;

/** Standard panels drawn at visits. */
export const BMP: readonly LabKey[] = ['sodium', 'potassium', 'bun', 'creatinine', 'egfr', 'glucose'];
/** Complete blood count. */
export const CBC: readonly LabKey[] = ['wbc', 'hemoglobin', 'platelets'];
/** Liver panel (short). */
export const LFT: readonly LabKey[] = ['alt', 'bilirubin', 'albumin'];

/** H, L or N against the reference range. */
export function interpretLab(def: LabDef, value: number): 'H' | 'L' | 'N' {
  if (def.high !== undefined && value > def.high) {
    return 'H';
  }
  if (def.low !== undefined && value < def.low) {
    return 'L';
  }
  return 'N';
}

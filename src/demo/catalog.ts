/** Allergies, procedures, vaccines and note types for the demo generator. */
export interface AllergyDef {
  readonly system: 'rxnorm' | 'snomed';
  readonly code: string;
  readonly display: string;
  readonly category: 'medication' | 'food' | 'environment';
  readonly reaction: readonly [code: string, display: string];
  readonly severity: 'mild' | 'moderate' | 'severe';
}

/** Allergy catalog: RxNorm ingredients or SNOMED CT substances, each with a typical reaction. */
export const ALLERGIES: readonly AllergyDef[] = [
  {
    system: 'rxnorm',
    code: '7980',
    display: 'penicillin G',
    category: 'medication',
    reaction: ['126485001', 'Urticaria (disorder)'],
    severity: 'moderate',
  },
  {
    system: 'rxnorm',
    code: '10180',
    display: 'sulfamethoxazole',
    category: 'medication',
    reaction: ['271807003', 'Eruption of skin (disorder)'],
    severity: 'mild',
  },
  {
    system: 'rxnorm',
    code: '2670',
    display: 'codeine',
    category: 'medication',
    reaction: ['422587007', 'Nausea (finding)'],
    severity: 'mild',
  },
  {
    system: 'rxnorm',
    code: '29046',
    display: 'lisinopril',
    category: 'medication',
    reaction: ['41291007', 'Angioedema (disorder)'],
    severity: 'severe',
  },
  {
    system: 'rxnorm',
    code: '1191',
    display: 'aspirin',
    category: 'medication',
    reaction: ['56018004', 'Wheezing (finding)'],
    severity: 'moderate',
  },
  {
    system: 'snomed',
    code: '762952008',
    display: 'Peanut (substance)',
    category: 'food',
    reaction: ['39579001', 'Anaphylaxis (disorder)'],
    severity: 'severe',
  },
  {
    system: 'snomed',
    code: '111088007',
    display: 'Latex (substance)',
    category: 'environment',
    reaction: ['126485001', 'Urticaria (disorder)'],
    severity: 'moderate',
  },
  {
    system: 'snomed',
    code: '288328004',
    display: 'Bee venom (substance)',
    category: 'environment',
    reaction: ['39579001', 'Anaphylaxis (disorder)'],
    severity: 'severe',
  },
];

/** A procedure (SNOMED CT) with the short name used in notes. */
export interface ProcedureDef {
  readonly code: string;
  readonly display: string;
  readonly short: string;
}

const p = (code: string, display: string, short: string): ProcedureDef => ({ code, display, short });

/** Procedures by key. */
export const PROCEDURES = {
  ecg: p('29303009', 'Electrocardiographic procedure (procedure)', '12-lead ECG'),
  chestXray: p('399208008', 'Plain chest X-ray (procedure)', 'chest X-ray'),
  bloodCulture: p('30088009', 'Blood culture (procedure)', 'blood cultures'),
  urineCulture: p('117010004', 'Urine culture (procedure)', 'urine culture'),
  lumbarPuncture: p('277762005', 'Lumbar puncture (procedure)', 'lumbar puncture'),
  echo: p('40701008', 'Echocardiography (procedure)', 'transthoracic echo'),
  coronaryAngio: p('33367005', 'Angiography of coronary artery (procedure)', 'coronary angiography'),
  egd: p('76009000', 'Esophagogastroduodenoscopy (procedure)', 'EGD'),
  colonoscopy: p('73761001', 'Colonoscopy (procedure)', 'colonoscopy'),
  depressionScreen: p('171207006', 'Depression screening (procedure)', 'PHQ-9 screening'),
  wellChild: p('410620009', 'Well child visit (procedure)', 'well-child check'),
} as const;

/** Key of a procedure in PROCEDURES. */
export type ProcedureKey = keyof typeof PROCEDURES;

/** A vaccine (CVX) with the ages it is given at. */
export interface VaccineDef {
  readonly cvx: string;
  readonly display: string;
  readonly minAge: number;
  readonly maxAge?: number;
}

/** Vaccines; the first one that fits the age is given at the first visit. */
export const VACCINES: readonly VaccineDef[] = [
  { cvx: '140', display: 'Influenza, seasonal, injectable, preservative free', minAge: 1 },
  { cvx: '208', display: 'COVID-19, mRNA, LNP-S, PF, 30 mcg/0.3 mL dose', minAge: 12 },
  { cvx: '115', display: 'Tdap', minAge: 11 },
  { cvx: '33', display: 'pneumococcal polysaccharide vaccine, 23 valent', minAge: 65 },
  { cvx: '187', display: 'zoster vaccine recombinant', minAge: 50 },
  { cvx: '43', display: 'Hep B, adult', minAge: 19, maxAge: 60 },
  { cvx: '62', display: 'HPV, quadrivalent', minAge: 9, maxAge: 26 },
  { cvx: '20', display: 'DTaP', minAge: 0, maxAge: 6 },
  { cvx: '10', display: 'IPV', minAge: 0, maxAge: 6 },
  { cvx: '03', display: 'MMR', minAge: 1, maxAge: 6 },
  { cvx: '21', display: 'varicella', minAge: 1, maxAge: 6 },
  { cvx: '08', display: 'Hep B, adolescent or pediatric', minAge: 0, maxAge: 2 },
];

/** Note types (LOINC) by encounter class. */
export const NOTE_TYPES = {
  AMB: { code: '11506-3', display: 'Progress note' },
  EMER: { code: '34111-5', display: 'Emergency department Note' },
  IMP: { code: '18842-5', display: 'Discharge summary' },
  HP: { code: '34117-2', display: 'History and physical note' },
} as const;

/** Encounter classes (v3 ActCode) and their displays. */
export const ENCOUNTER_CLASSES = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  IMP: 'inpatient encounter',
} as const;

/** AMB, EMER or IMP. */
export type EncounterClass = keyof typeof ENCOUNTER_CLASSES;

/** Encounter types (SNOMED). */
export const ENCOUNTER_TYPES: Record<EncounterClass, readonly [code: string, display: string]> = {
  AMB: ['185349003', 'Encounter for check up (procedure)'],
  EMER: ['50849002', 'Emergency room admission (procedure)'],
  IMP: ['32485007', 'Hospital admission (procedure)'],
};

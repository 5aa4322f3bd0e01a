/**
 * Unambiguous clinical abbreviations expanded before matching (general clinical language, not diagnosis-specific
 * knowledge). Ambiguous ones (PE, CP, MS, HA) are left out on purpose.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  sob: 'shortness of breath',
  doe: 'dyspnea on exertion',
  pnd: 'paroxysmal nocturnal dyspnea',
  lbp: 'low back pain',
  htn: 'hypertension',
  dm: 'diabetes mellitus',
  t2dm: 'type 2 diabetes mellitus',
  t1dm: 'type 1 diabetes mellitus',
  afib: 'atrial fibrillation',
  af: 'atrial fibrillation',
  cad: 'coronary artery disease',
  chf: 'congestive heart failure',
  ckd: 'chronic kidney disease',
  hld: 'hyperlipidemia',
  dvt: 'deep vein thrombosis',
  uti: 'urinary tract infection',
  uri: 'upper respiratory infection',
  loc: 'loss of consciousness',
  rlq: 'right lower quadrant',
  ruq: 'right upper quadrant',
  llq: 'left lower quadrant',
  luq: 'left upper quadrant',
  abd: 'abdominal',
  ocp: 'oral contraceptive',
  ocps: 'oral contraceptive',
  nsaid: 'nsaid',
  etoh: 'alcohol',
  ivdu: 'intravenous drug use',
  hiv: 'hiv',
  tia: 'transient ischemic attack',
  cva: 'stroke',
  gerd: 'gastroesophageal reflux',
  brbpr: 'bright red blood per rectum',
  ha: 'headache',
};

/** Words that state a finding is absent ("afebrile" = no fever); the value is the finding's phrase. */
export const NEGATED_FORMS: Readonly<Record<string, string>> = {
  afebrile: 'fever',
  apyrexial: 'fever',
  nontender: 'tenderness',
  normotensive: 'hypertension',
  eupneic: 'dyspnea',
  eupnoeic: 'dyspnea',
  anicteric: 'jaundice',
  acyanotic: 'cyanosis',
};

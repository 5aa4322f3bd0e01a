/**
 * Gold answers for the 45 Semigran et al. (BMJ 2015) vignettes, in file order, written for Vitalis's bench (not
 * derived from our knowledge base): accepted ICD-10-CM categories (3 characters) and accepted name phrases. A
 * diagnosis counts as correct when one of its ICD-10 codes falls in an accepted category or its name contains an
 * accepted phrase.
 */
export interface GoldAnswer {
  diagnosis: string;
  icd10: string[];
  names: string[];
}

export const SEMIGRAN_GOLD: readonly GoldAnswer[] = [
  {
    diagnosis: 'Acute liver failure (acetaminophen poisoning)',
    icd10: ['K72', 'K71', 'T39'],
    names: ['liver failure', 'acetaminophen', 'paracetamol'],
  },
  { diagnosis: 'Appendicitis', icd10: ['K35', 'K36', 'K37'], names: ['appendicitis'] },
  { diagnosis: 'Asthma exacerbation', icd10: ['J45', 'J46'], names: ['asthma'] },
  {
    diagnosis: 'COPD exacerbation (or acute bronchitis)',
    icd10: ['J44', 'J20'],
    names: ['copd', 'chronic obstructive', 'acute bronchitis'],
  },
  {
    diagnosis: 'Deep vein thrombosis',
    icd10: ['I80', 'I82'],
    names: ['deep vein thrombosis', 'deep venous thrombosis'],
  },
  {
    diagnosis: 'Myocardial infarction',
    icd10: ['I21', 'I22', 'I24'],
    names: ['myocardial infarction', 'acute coronary syndrome'],
  },
  { diagnosis: 'Haemolytic uraemic syndrome', icd10: ['D59'], names: ['hemolytic uremic', 'haemolytic uraemic'] },
  {
    diagnosis: 'Ureteric stones',
    icd10: ['N20', 'N21', 'N23'],
    names: ['kidney stone', 'renal colic', 'ureteric', 'ureteral', 'nephrolithiasis', 'urolithiasis'],
  },
  { diagnosis: 'Malaria', icd10: ['B50', 'B51', 'B52', 'B53', 'B54'], names: ['malaria'] },
  { diagnosis: 'Meningitis', icd10: ['G00', 'G01', 'G02', 'G03', 'A39', 'A87'], names: ['meningitis'] },
  { diagnosis: 'Pneumonia', icd10: ['J12', 'J13', 'J14', 'J15', 'J16', 'J17', 'J18'], names: ['pneumonia'] },
  { diagnosis: 'Pulmonary embolism', icd10: ['I26'], names: ['pulmonary embolism'] },
  {
    diagnosis: 'Rocky Mountain spotted fever',
    icd10: ['A77'],
    names: ['rocky mountain', 'spotted fever', 'rickettsi'],
  },
  { diagnosis: 'Stroke', icd10: ['I60', 'I61', 'I63', 'I64'], names: ['stroke'] },
  { diagnosis: 'Tetanus', icd10: ['A33', 'A34', 'A35'], names: ['tetanus'] },
  { diagnosis: 'Acute otitis media', icd10: ['H65', 'H66'], names: ['otitis media'] },
  { diagnosis: 'Acute pharyngitis', icd10: ['J02', 'J03'], names: ['pharyngitis', 'tonsillitis', 'strep throat'] },
  { diagnosis: 'Acute pharyngitis', icd10: ['J02', 'J03'], names: ['pharyngitis', 'tonsillitis', 'strep throat'] },
  { diagnosis: 'Acute sinusitis', icd10: ['J01'], names: ['sinusitis', 'rhinosinusitis'] },
  { diagnosis: 'Back pain', icd10: ['M54', 'M51', 'S39'], names: ['back pain', 'lumbago', 'lumbar strain'] },
  { diagnosis: 'Cellulitis', icd10: ['L03'], names: ['cellulitis'] },
  { diagnosis: 'COPD flare', icd10: ['J44'], names: ['copd', 'chronic obstructive'] },
  { diagnosis: 'Influenza', icd10: ['J09', 'J10', 'J11'], names: ['influenza'] },
  { diagnosis: 'Mononucleosis', icd10: ['B27'], names: ['mononucleosis', 'epstein-barr', 'glandular fever'] },
  {
    diagnosis: 'Peptic ulcer disease',
    icd10: ['K25', 'K26', 'K27', 'K28'],
    names: ['peptic ulcer', 'gastric ulcer', 'duodenal ulcer'],
  },
  { diagnosis: 'Pneumonia', icd10: ['J12', 'J13', 'J14', 'J15', 'J16', 'J17', 'J18'], names: ['pneumonia'] },
  { diagnosis: 'Salmonella', icd10: ['A02'], names: ['salmonella'] },
  { diagnosis: 'Shingles', icd10: ['B02'], names: ['herpes zoster', 'shingles'] },
  { diagnosis: 'Urinary tract infection', icd10: ['N30', 'N39'], names: ['urinary tract infection', 'cystitis'] },
  { diagnosis: 'Vertigo', icd10: ['H81', 'R42'], names: ['vertigo', 'vestibular neuritis', 'labyrinthitis'] },
  { diagnosis: 'Acute bronchitis', icd10: ['J20', 'J40'], names: ['acute bronchitis'] },
  { diagnosis: 'Acute bronchitis', icd10: ['J20', 'J40'], names: ['acute bronchitis'] },
  { diagnosis: 'Acute conjunctivitis', icd10: ['H10'], names: ['conjunctivitis'] },
  { diagnosis: 'Acute pharyngitis', icd10: ['J02', 'J03'], names: ['pharyngitis', 'tonsillitis', 'strep throat'] },
  { diagnosis: 'Acute rhinitis', icd10: ['J00', 'J30', 'J31'], names: ['rhinitis', 'common cold'] },
  { diagnosis: 'Back pain', icd10: ['M54', 'M51', 'S39'], names: ['back pain', 'lumbago', 'lumbar strain'] },
  { diagnosis: 'Bee sting', icd10: ['T63'], names: ['sting', 'insect bite', 'hymenoptera'] },
  { diagnosis: 'Canker sore', icd10: ['K12'], names: ['aphthous', 'canker'] },
  { diagnosis: 'Candidal yeast infection', icd10: ['B37'], names: ['candid', 'thrush', 'yeast infection'] },
  { diagnosis: 'Constipation', icd10: ['K59'], names: ['constipation'] },
  { diagnosis: 'Eczema', icd10: ['L20', 'L30'], names: ['eczema', 'atopic dermatitis'] },
  { diagnosis: 'Stye', icd10: ['H00'], names: ['stye', 'hordeolum'] },
  {
    diagnosis: 'Viral upper respiratory tract infection',
    icd10: ['J00', 'J06'],
    names: ['upper respiratory', 'common cold'],
  },
  {
    diagnosis: 'Viral upper respiratory tract infection',
    icd10: ['J00', 'J06'],
    names: ['upper respiratory', 'common cold'],
  },
  {
    diagnosis: 'Vomiting (viral gastroenteritis)',
    icd10: ['R11', 'A08', 'A09', 'K52'],
    names: ['gastroenteritis', 'vomiting'],
  },
];

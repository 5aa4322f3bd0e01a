import type { ConditionDefInput, FindingDefInput } from '../schema.js';

/**
 * Every data file of the knowledge base. Each file exports `findings` and/or `conditions`; add one import and one
 * entry per file (data files are plain objects checked by `../schema.ts`).
 */
// data imports (part A)
import { findings as aFindingsHistory5 } from './a-findings-history-5.js';
import { findings as aFindingsGiGu5 } from './a-findings-gi-gu-5.js';
import { findings as aFindingsGiGuCore3 } from './a-findings-gi-gu-core-3.js';
import { findings as aFindingsSymptoms5 } from './a-findings-symptoms-5.js';
import { conditions as aPrimaryCare } from './a-primary-care.js';
import { findings as aFindingsCardioresp3 } from './a-findings-cardioresp-3.js';
import { findings as aFindingsGiGu4 } from './a-findings-gi-gu-4.js';
import { findings as aFindingsGiGuCore2 } from './a-findings-gi-gu-core-2.js';
import { findings as aFindingsSymptoms4 } from './a-findings-symptoms-4.js';
import { findings as aFindingsVitalsLabs3 } from './a-findings-vitals-labs-3.js';
import { findings as aFindingsMore2 } from './a-findings-more-2.js';
import { findings as aFindingsMore } from './a-findings-more.js';
import { findings as aFindingsSharedMisc } from './a-findings-shared-misc.js';
import { findings as aFindingsSigns4 } from './a-findings-signs-4.js';
import { conditions as aMore2 } from './a-more-2.js';
import { conditions as aMore } from './a-more.js';
import { findings as aFindingsHistoryMore } from './a-findings-history-more.js';
import { findings as aFindingsGiGuCore } from './a-findings-gi-gu-core.js';
import { findings as aFindingsExposures } from './a-findings-exposures.js';
import { findings as aFindingsLabsCore } from './a-findings-labs-core.js';
import { findings as aFindingsSignsAbdoSkin } from './a-findings-signs-abdo-skin.js';
import { findings as aFindingsCardioresp2 } from './a-findings-cardioresp-2.js';
import { findings as aFindingsCardioresp } from './a-findings-cardioresp.js';
import { findings as aFindingsSharedNeuro } from './a-findings-shared-neuro.js';
import { findings as aFindingsChem22 } from './a-findings-chem-2-2.js';
import { findings as aFindingsGiGu22 } from './a-findings-gi-gu-2-2.js';
import { findings as aFindingsHistory22 } from './a-findings-history-2-2.js';
import { findings as aFindingsHistory32 } from './a-findings-history-3-2.js';
import { findings as aFindingsSigns22 } from './a-findings-signs-2-2.js';
import { findings as aFindingsSymptoms22 } from './a-findings-symptoms-2-2.js';
import { findings as aFindingsShared2 } from './a-findings-shared-2.js';
import { findings as aFindingsShared } from './a-findings-shared.js';
import { findings as aFindingsExtra2 } from './a-findings-extra-2.js';
import { findings as aFindingsExtra } from './a-findings-extra.js';
import { conditions as aMisc2 } from './a-misc-2.js';
import { conditions as aMisc } from './a-misc.js';
import { conditions as aCardiology2 } from './a-cardiology-2.js';
import { conditions as aCardiology3 } from './a-cardiology-3.js';
import { conditions as aCardiology } from './a-cardiology.js';
import { conditions as aEndocrine2 } from './a-endocrine-2.js';
import { conditions as aEndocrine } from './a-endocrine.js';
import { findings as aFindingsChem2 } from './a-findings-chem-2.js';
import { findings as aFindingsChem3 } from './a-findings-chem-3.js';
import { findings as aFindingsChem } from './a-findings-chem.js';
import { findings as aFindingsGiGu2 } from './a-findings-gi-gu-2.js';
import { findings as aFindingsGiGu3 } from './a-findings-gi-gu-3.js';
import { findings as aFindingsGiGu } from './a-findings-gi-gu.js';
import { findings as aFindingsHistory2 } from './a-findings-history-2.js';
import { findings as aFindingsHistory3 } from './a-findings-history-3.js';
import { findings as aFindingsHistory4 } from './a-findings-history-4.js';
import { findings as aFindingsHistory } from './a-findings-history.js';
import { findings as aFindingsImaging2 } from './a-findings-imaging-2.js';
import { findings as aFindingsImaging3 } from './a-findings-imaging-3.js';
import { findings as aFindingsImaging } from './a-findings-imaging.js';
import { findings as aFindingsSigns2 } from './a-findings-signs-2.js';
import { findings as aFindingsSigns3 } from './a-findings-signs-3.js';
import { findings as aFindingsSigns } from './a-findings-signs.js';
import { findings as aFindingsSymptoms2 } from './a-findings-symptoms-2.js';
import { findings as aFindingsSymptoms3 } from './a-findings-symptoms-3.js';
import { findings as aFindingsSymptoms } from './a-findings-symptoms.js';
import { findings as aFindingsVitalsLabs2 } from './a-findings-vitals-labs-2.js';
import { findings as aFindingsVitalsLabs } from './a-findings-vitals-labs.js';
import { conditions as aGiAcute2 } from './a-gi-acute-2.js';
import { conditions as aGiAcute } from './a-gi-acute.js';
import { conditions as aGiChronic2 } from './a-gi-chronic-2.js';
import { conditions as aGiChronic } from './a-gi-chronic.js';
import { conditions as aHematology2 } from './a-hematology-2.js';
import { conditions as aHematology } from './a-hematology.js';
import { conditions as aHepatology } from './a-hepatology.js';
import { conditions as aInfectious2 } from './a-infectious-2.js';
import { conditions as aInfectious } from './a-infectious.js';
import { conditions as aPulmonology2 } from './a-pulmonology-2.js';
import { conditions as aPulmonology } from './a-pulmonology.js';
import { conditions as aRenalUrology2 } from './a-renal-urology-2.js';
import { conditions as aRenalUrology } from './a-renal-urology.js';
import { conditions as aToxicology2 } from './a-toxicology-2.js';
import { conditions as aToxicology } from './a-toxicology.js';
import { conditions as aVascular } from './a-vascular.js';
// data imports (part B)
import { findings as bFindingsVitalsLabs } from './b-findings-vitals-labs.js';
import { findings as bFindingsVitalsLabs2 } from './b-findings-vitals-labs-2.js';
import { findings as bFindingsNeuro } from './b-findings-neuro.js';
import { findings as bFindingsNeuro2 } from './b-findings-neuro-2.js';
import { findings as bFindingsNeuro3 } from './b-findings-neuro-3.js';
import { findings as bFindingsHistory } from './b-findings-history.js';
import { findings as bFindingsHistory2 } from './b-findings-history-2.js';
import { findings as bFindingsObgyn } from './b-findings-obgyn.js';
import { findings as bFindingsObgyn2 } from './b-findings-obgyn-2.js';
import { findings as bFindingsObgyn3 } from './b-findings-obgyn-3.js';
import { findings as bFindingsPsych } from './b-findings-psych.js';
import { findings as bFindingsPsych2 } from './b-findings-psych-2.js';
import { findings as bFindingsEntEye } from './b-findings-ent-eye.js';
import { findings as bFindingsEntEye2 } from './b-findings-ent-eye-2.js';
import { findings as bFindingsEntEye3 } from './b-findings-ent-eye-3.js';
import { findings as bFindingsMsk } from './b-findings-msk.js';
import { findings as bFindingsMsk2 } from './b-findings-msk-2.js';
import { findings as bFindingsMsk3 } from './b-findings-msk-3.js';
import { findings as bFindingsSkin } from './b-findings-skin.js';
import { findings as bFindingsSkin2 } from './b-findings-skin-2.js';
import { findings as bFindingsPeds } from './b-findings-peds.js';
import { findings as bFindingsPeds2 } from './b-findings-peds-2.js';
import { findings as bFindingsMisc } from './b-findings-misc.js';
import { findings as bFindingsMisc2 } from './b-findings-misc-2.js';
import { findings as bFindingsExtra } from './b-findings-extra.js';
import { findings as bFindingsShared } from './b-findings-shared.js';
import { findings as bFindingsShared2 } from './b-findings-shared-2.js';
import { conditions as bNeuro } from './b-neuro.js';
import { conditions as bNeuro2 } from './b-neuro-2.js';
import { conditions as bNeuro3 } from './b-neuro-3.js';
import { conditions as bObstetrics } from './b-obstetrics.js';
import { conditions as bObstetrics2 } from './b-obstetrics-2.js';
import { conditions as bGynecology } from './b-gynecology.js';
import { conditions as bGynecology2 } from './b-gynecology-2.js';
import { conditions as bPsychGeriatrics } from './b-psych-geriatrics.js';
import { conditions as bPsychGeriatrics2 } from './b-psych-geriatrics-2.js';
import { conditions as bEnt } from './b-ent.js';
import { conditions as bEnt2 } from './b-ent-2.js';
import { conditions as bEye } from './b-eye.js';
import { conditions as bEye2 } from './b-eye-2.js';
import { conditions as bMsk } from './b-msk.js';
import { conditions as bMsk2 } from './b-msk-2.js';
import { conditions as bMsk3 } from './b-msk-3.js';
import { conditions as bDermAllergy } from './b-derm-allergy.js';
import { conditions as bDermAllergy2 } from './b-derm-allergy-2.js';
import { conditions as bPediatrics } from './b-pediatrics.js';
import { conditions as bPediatrics2 } from './b-pediatrics-2.js';
import { conditions as bNeuroChronic } from './b-neuro-chronic.js';
import { conditions as bRheumOrtho } from './b-rheum-ortho.js';

export const FINDING_FILES: FindingDefInput[][] = [
  // findings (part A)
  aFindingsHistory5,
  aFindingsGiGu5,
  aFindingsGiGuCore3,
  aFindingsSymptoms5,
  aFindingsCardioresp3,
  aFindingsGiGu4,
  aFindingsGiGuCore2,
  aFindingsSymptoms4,
  aFindingsVitalsLabs3,
  aFindingsMore2,
  aFindingsMore,
  aFindingsSharedMisc,
  aFindingsSigns4,
  aFindingsHistoryMore,
  aFindingsGiGuCore,
  aFindingsExposures,
  aFindingsLabsCore,
  aFindingsSignsAbdoSkin,
  aFindingsCardioresp2,
  aFindingsCardioresp,
  aFindingsSharedNeuro,
  aFindingsChem22,
  aFindingsGiGu22,
  aFindingsHistory22,
  aFindingsHistory32,
  aFindingsSigns22,
  aFindingsSymptoms22,
  aFindingsShared2,
  aFindingsShared,
  aFindingsExtra2,
  aFindingsExtra,
  aFindingsChem2,
  aFindingsChem3,
  aFindingsChem,
  aFindingsGiGu2,
  aFindingsGiGu3,
  aFindingsGiGu,
  aFindingsHistory2,
  aFindingsHistory3,
  aFindingsHistory4,
  aFindingsHistory,
  aFindingsImaging2,
  aFindingsImaging3,
  aFindingsImaging,
  aFindingsSigns2,
  aFindingsSigns3,
  aFindingsSigns,
  aFindingsSymptoms2,
  aFindingsSymptoms3,
  aFindingsSymptoms,
  aFindingsVitalsLabs2,
  aFindingsVitalsLabs,
  // findings (part B)
  bFindingsVitalsLabs,
  bFindingsVitalsLabs2,
  bFindingsNeuro,
  bFindingsNeuro2,
  bFindingsNeuro3,
  bFindingsHistory,
  bFindingsHistory2,
  bFindingsObgyn,
  bFindingsObgyn2,
  bFindingsObgyn3,
  bFindingsPsych,
  bFindingsPsych2,
  bFindingsEntEye,
  bFindingsEntEye2,
  bFindingsEntEye3,
  bFindingsMsk,
  bFindingsMsk2,
  bFindingsMsk3,
  bFindingsSkin,
  bFindingsSkin2,
  bFindingsPeds,
  bFindingsPeds2,
  bFindingsMisc,
  bFindingsMisc2,
  bFindingsExtra,
  bFindingsShared,
  bFindingsShared2,
];

export const CONDITION_FILES: ConditionDefInput[][] = [
  // conditions (part A)
  aPrimaryCare,
  aMore2,
  aMore,
  aMisc2,
  aMisc,
  aCardiology2,
  aCardiology3,
  aCardiology,
  aEndocrine2,
  aEndocrine,
  aGiAcute2,
  aGiAcute,
  aGiChronic2,
  aGiChronic,
  aHematology2,
  aHematology,
  aHepatology,
  aInfectious2,
  aInfectious,
  aPulmonology2,
  aPulmonology,
  aRenalUrology2,
  aRenalUrology,
  aToxicology2,
  aToxicology,
  aVascular,
  // conditions (part B)
  bNeuro,
  bNeuro2,
  bNeuro3,
  bObstetrics,
  bObstetrics2,
  bGynecology,
  bGynecology2,
  bPsychGeriatrics,
  bPsychGeriatrics2,
  bEnt,
  bEnt2,
  bEye,
  bEye2,
  bMsk,
  bMsk2,
  bMsk3,
  bDermAllergy,
  bDermAllergy2,
  bPediatrics,
  bPediatrics2,
  bNeuroChronic,
  bRheumOrtho,
];

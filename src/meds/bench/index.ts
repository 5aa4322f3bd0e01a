export { runMedsBench, type MedsBenchResult } from './run.js';
export { defaultMedsDataDir } from './shared-data.js';
export { oncCoverage } from './onc-coverage.js';
export { evaluateCrescenddi, crescenddiNameMap } from './crescenddi.js';
export { orderSignP95, fifteenDrugContext } from './speed.js';
export { populationFigures } from './population.js';

export { readDdxplus, type DdxplusData } from './ddxplus-import.js';
export { runDdxplusBench, type DdxplusReport, type DdxplusBenchOptions } from './ddxplus-bench.js';
export { readVignettes, runVignetteBench, matchesGold, type VignetteReport } from './vignette-bench.js';
export { SEMIGRAN_GOLD } from './semigran-gold.js';
export { sharedDataDir } from './paths.js';

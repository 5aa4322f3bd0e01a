export { generateDemoPatients, type DemoOptions } from './generate.js';
export { seedDemo, type SeedOptions } from './seed.js';
export { generateLargeRecordPatient } from './large-record.js';
export { SHOWCASE_PATIENTS, type ShowcasePatient } from './showcase.js';
export { DEFAULT_ANCHOR_DATE } from './dates.js';
export { mrnFor } from './demographics.js';
export { SYSTEMS as DEMO_SYSTEMS } from './codes.js';

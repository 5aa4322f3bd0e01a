export { buildPatientContext, contextFromResources, type PatientContextOptions } from './build-context.js';
export * from './context-schema.js';
export * from './fact-schema.js';
export { DRUG_CLASSES, type DrugClass } from './knowledge/rxnorm-ingredients.js';
export { VITAL_SIGNS, type VitalSign } from './knowledge/loinc-units.js';
export { ingredientsFromText, resolveIngredients } from './ingredients.js';
export { convertUnit, normalizeUnit, toCanonical } from './units.js';
export { activeMedications, activeProblems, allFacts, factIndex, latestLab, latestVital } from './queries.js';

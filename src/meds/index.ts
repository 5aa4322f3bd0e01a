export { checkMedications, ordersFromCodes, ordersFromDrafts, type MedsCheckInput } from './check.js';
export * from './alert-schema.js';
export { buildKnowledge, useSiteKnowledge, vitalisKnowledge, VITALIS_SOURCE, type KnowledgeSource, type MedsKnowledge } from './kb.js';
export { loadExternalKnowledge, loadAnsmThesaurus, parseInteractionCsv } from './external/index.js';
export { medsCdsServices, medsReviewCdsService, MEDS_REVIEW_SERVICE_ID } from './cds-services.js';
export { alertToCard } from './cards.js';
export { scoreAlertCards, SCORE_ALERT_RULES } from './score-alerts.js';
export { MEDS_KNOWLEDGE_VERSION } from './knowledge/version.js';
export type { MedEntry } from './med-list.js';

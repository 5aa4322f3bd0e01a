export * from './contract.js';
export type { CdsAuthenticator, CdsAuthRequest, CdsCaller } from './caller.js';
export { UNAUTHENTICATED_CALLER } from './caller.js';
export { createCardLedger, type CardLedger, type IssuedCard } from './card-ledger.js';
export { finishResult, type FinishedCard } from './card-finish.js';
export { recordFeedback, type FeedbackOptions } from './feedback.js';
export { computeFeedbackStats, type FeedbackRecord, type FeedbackStats, type KindStats } from './feedback-stats.js';
export {
  createMemoryFeedbackStore,
  createRepositoryFeedbackStore,
  FEEDBACK_CODE,
  type FeedbackStore,
} from './feedback-store.js';
export { HOOK_CONTEXT_SCHEMAS, HOOK_PRIMITIVE_FIELDS } from './hook-context.js';
export { invokeService, parseCall, type InvokeOptions } from './invoke.js';
export { contextFromPrefetch, prefetchResources } from './patient-from-prefetch.js';
export { resolvePrefetch, type EhrFhirFactory, type ResolvedPrefetch } from './prefetch-resolve.js';
export { fillTemplate, prefetchTemplateProblem, tokenValues, type PrefetchQuery } from './prefetch-template.js';
export { createCdsRegistry, type CdsRegistry } from './registry.js';
export { CdsRequestSchema, FeedbackRequestSchema, type CdsRequest, type FeedbackItem } from './request-schema.js';
export * from './spec-schemas.js';
export { allergyCdsService, ALLERGY_SERVICE_ID } from './services/allergy-service.js';
export { summaryCdsService, SUMMARY_SERVICE_ID } from './services/summary-service.js';

export {
  loadKnowledgeBase,
  KB_SEMVER,
  type KnowledgeBase,
  type KbIssue,
  type KbSources,
  type CompiledCondition,
} from './load.js';
export { loincCheckDigitOk, snomedCheckDigitOk } from './checks.js';
export { checkIntegrity, REQUIRED_CANT_MISS } from './integrity.js';
export * from './schema.js';

export * from './contract.js';
export { DdxEngine, type DiagnoseOptions } from './engine.js';
export { defaultDdxEngine } from './default-engine.js';
export { ddxCdsService, ddxCdsServices, ddxCards, DDX_SERVICE_ID } from './cds-service.js';
export { RuleRecognizer } from './text/rule-recognizer.js';
export type { Setting } from './engine/inference.js';
export { loadKnowledgeBase, checkIntegrity, type KnowledgeBase } from './kb/index.js';

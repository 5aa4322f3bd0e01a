import { CONDITION_FILES, FINDING_FILES } from './kb/data/index.js';
import { DdxEngine } from './engine.js';

let engine: DdxEngine | null = null;

/** The engine on Vitalis's own knowledge base, loaded once per process. */
export function defaultDdxEngine(): DdxEngine {
  engine ??= DdxEngine.fromSources({ findingFiles: FINDING_FILES, conditionFiles: CONDITION_FILES });
  return engine;
}

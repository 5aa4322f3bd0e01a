export { createLlmRuntime, createRawProvider, loadModelSpecs, LlmRuntime, providerForSpec } from './runtime.js';
export { deidentifierFromPort } from './deid-bridge.js';

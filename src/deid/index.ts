export { DeidEngine, BUILTIN_DETECTORS, type EngineOptions } from './engine.js';
export {
  createDeidService,
  deidPort,
  DeidService,
  type DeidConfig,
  type DeidPort,
  type DeidTextOptions,
  type DeidTextResult,
} from './service.js';
export { knownFromPatient } from './known-from-fhir.js';
export { FileMappingStore, MemoryMappingStore, type Mapping, type MappingStore } from './mapping-store.js';
export {
  deidentifyStream,
  fileSink,
  openInput,
  streamSink,
  utf8Chunks,
  writeAtomic,
  type OutputSink,
} from './text-stream.js';
export { deidentifyResource, type DateMode, type SafeHarborOptions } from './fhir/safe-harbor.js';
export { deidentifyBundle } from './fhir/bundle.js';
export { deidentifyFhirFile } from './fhir/files.js';
export { safeHarborZip, RESTRICTED_ZIP3 } from './fhir/zip3.js';
export {
  PHI_CATEGORIES,
  type Detector,
  type DeidMode,
  type KnownIdentifiers,
  type PhiCategory,
  type PhiSpan,
} from './types.js';

import type { Patient } from '@medplum/fhirtypes';
import { deidentifierFromPort } from '../adapters/llm-runtime/index.js';
import { createDeidService, deidPort } from '../deid/index.js';
import type { Deidentifier } from '../llm/index.js';
import type { ServerDeps } from './deps.js';

/**
 * The de-identification the LLM router applies before any text reaches an `external` model: the de-identification
 * engine with the patient's own identifiers read from the store, and the mapping kept to re-identify the answer.
 */
export function llmDeidentifier(deps: Pick<ServerDeps, 'config' | 'repo'>): Deidentifier {
  return deidentifierFromPort(deidPort(createDeidService(deps.config)), (id) => deps.repo.read<Patient>('Patient', id));
}

import type { Patient } from '@medplum/fhirtypes';
import { deidentifierFromPort } from '../adapters/llm-runtime/index.js';
import { deidPort, type DeidService } from '../deid/index.js';
import type { Deidentifier } from '../llm/index.js';
import type { ServerDeps } from './deps.js';

/**
 * The de-identification the LLM router applies before any text reaches an `external` model: the de-identification
 * engine with the patient's own identifiers read from the store, and the mapping kept to re-identify the answer. It
 * shares the server's one de-identification service, so `/api/deid/reidentify` knows the router's mappings too.
 */
export function llmDeidentifier(deps: Pick<ServerDeps, 'repo'>, service: DeidService): Deidentifier {
  return deidentifierFromPort(deidPort(service), (id) => deps.repo.read<Patient>('Patient', id));
}

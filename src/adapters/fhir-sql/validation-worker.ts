import { parentPort } from 'node:worker_threads';
import { loadFhirDefinitions } from '../../fhir/definitions.js';
import { assertValidResource } from './validate.js';
import type { Resource } from '@medplum/fhirtypes';

/** A request to the validation worker: resources as JSON texts. */
export interface ValidationRequest {
  id: number;
  texts: string[];
}

/** The worker's answer: `valid[i]` is true when texts[i] passed validation. */
export interface ValidationResponse {
  id: number;
  valid: boolean[];
}

function isValid(text: string): boolean {
  try {
    assertValidResource(JSON.parse(text) as Resource);
    return true;
  } catch {
    return false;
  }
}

if (parentPort) {
  const port = parentPort;
  loadFhirDefinitions();
  port.on('message', (req: ValidationRequest) => {
    const res: ValidationResponse = { id: req.id, valid: req.texts.map(isValid) };
    port.postMessage(res);
  });
}

import { randomUUID } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';

/** A MedicationRequest draft coded with an RxNorm ingredient or clinical drug, for order hooks in tests. */
export function draftMedication(id: string, rxcui: string, display: string, patientId: string): Resource {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: rxcui, display }],
      text: display,
    },
  };
}

/** A CDS Hooks request body for tests. */
export function hookBody(options: {
  hook: string;
  patientId: string;
  fhirServer?: string;
  prefetch?: Record<string, unknown>;
  context?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    hookInstance: randomUUID(),
    hook: options.hook,
    ...(options.fhirServer
      ? {
          fhirServer: options.fhirServer,
          fhirAuthorization: {
            access_token: 'ehr-issued-token',
            token_type: 'Bearer',
            expires_in: 300,
            scope: 'user/Patient.read user/Observation.read',
            subject: 'vitalis',
          },
        }
      : {}),
    context: { userId: 'Practitioner/demo-prac-1', patientId: options.patientId, ...options.context },
    ...(options.prefetch ? { prefetch: options.prefetch } : {}),
  };
}

/** The draftOrders Bundle of an order hook. */
export function draftBundle(resources: Resource[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

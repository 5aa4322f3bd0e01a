import type { Patient } from '@medplum/fhirtypes';
import type { DeidPort } from '../../deid/index.js';
import type { Deidentifier } from '../../llm/router.js';

/** Finds the FHIR Patient whose own identifiers (names, MRN, address) must be found wherever they appear. */
export type PatientLookup = (patientId: string) => Promise<Patient | undefined>;

/**
 * Adapts the de-identification service's port (one text, one stored mapping) to the router's `Deidentifier` (several
 * messages of one call): each message is de-identified on its own, with the patient's known identifiers when the
 * patient can be read, and the answer is re-identified with every mapping.
 */
export function deidentifierFromPort(port: DeidPort, lookupPatient?: PatientLookup): Deidentifier {
  return {
    deidentify: async (texts, options = {}) => {
      const found =
        options.patientId === undefined || lookupPatient === undefined
          ? undefined
          : await lookupPatient(options.patientId).catch(() => undefined);
      const patient: Patient | undefined =
        found ?? (options.patientId === undefined ? undefined : { resourceType: 'Patient', id: options.patientId });
      const results = await Promise.all(texts.map((t) => port.deidentify(t, patient ? { patient } : {})));
      return { texts: results.map((r) => r.text), mapping: results.map((r) => r.mappingId) };
    },
    reidentify: async (text, mapping) => {
      let out = text;
      for (const id of Array.isArray(mapping) ? (mapping as unknown[]) : []) {
        if (typeof id === 'string') out = await port.reidentify(out, id);
      }
      return out;
    },
  };
}

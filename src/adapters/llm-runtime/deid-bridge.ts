import type { DeidPort } from '../../deid/index.js';
import type { Deidentifier } from '../../llm/router.js';

/**
 * Adapts the de-identification service's port (one text, one stored mapping) to the router's `Deidentifier` (several
 * messages of one call): each message is de-identified on its own, and the answer is re-identified with every mapping.
 */
export function deidentifierFromPort(port: DeidPort): Deidentifier {
  return {
    deidentify: async (texts, options = {}) => {
      const patient =
        options.patientId === undefined ? {} : { patient: { resourceType: 'Patient' as const, id: options.patientId } };
      const results = await Promise.all(texts.map((t) => port.deidentify(t, patient)));
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

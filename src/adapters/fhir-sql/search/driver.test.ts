import { beforeAll, describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../../../fhir/definitions.js';
import { pickDriver } from './driver.js';

describe('driver choice', () => {
  beforeAll(() => {
    loadFhirDefinitions();
  });

  it('drives patient-scoped searches from the reference, never from negated or missing filters', () => {
    const f = (code: string, operator: string, value: string): { code: string; operator: string; value: string } => ({
      code,
      operator,
      value,
    });
    expect(pickDriver('Observation', [f('code', 'eq', 'http://loinc.org|1'), f('patient', 'eq', 'p1')])).toBe(1);
    expect(pickDriver('Observation', [f('date', 'ge', '2020'), f('status', 'eq', 'final')])).toBe(1);
    expect(pickDriver('Observation', [f('code', 'not', 'x'), f('subject', 'missing', 'true')])).toBe(-1);
    expect(pickDriver('Patient', [f('name', 'eq', 'x'), f('_id', 'eq', 'a')])).toBe(1);
    expect(pickDriver('Observation', [])).toBe(-1);
  });
});

import { describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import {
  authorizeApi,
  authorizeBatch,
  authorizeFhir,
  classifyFhir,
  compartmentFilter,
  type Principal,
} from './access.js';
import { patientIdsOf, visibleToPatient } from './compartment.js';
import { parseScopes } from './scopes.js';

loadFhirDefinitions();

const patient = (scope: string): Principal => ({
  sub: 'Practitioner/1',
  clientId: 'app',
  scopes: parseScopes(scope),
  patient: 'p1',
});

describe('request classification and authorization', () => {
  it('classifies /fhir paths', () => {
    expect(classifyFhir('GET', ['Observation'])).toEqual({ kind: 'type', type: 'Observation', interaction: 's' });
    expect(classifyFhir('POST', ['Observation', '_search'])).toEqual({
      kind: 'type',
      type: 'Observation',
      interaction: 's',
    });
    expect(classifyFhir('GET', ['Observation', '1'])).toEqual({
      kind: 'instance',
      type: 'Observation',
      id: '1',
      interaction: 'r',
    });
    expect(classifyFhir('DELETE', ['Observation', '1'])).toMatchObject({ interaction: 'd' });
    expect(classifyFhir('GET', ['Patient', 'p1', '$everything'])).toEqual({ kind: 'everything', id: 'p1' });
    expect(classifyFhir('POST', [])).toEqual({ kind: 'batch' });
    expect(classifyFhir('GET', ['metadata'])).toEqual({ kind: 'public' });
  });

  it('confines patient-level grants', () => {
    const p = patient('patient/*.rs');
    expect(authorizeFhir(p, classifyFhir('GET', ['Observation']))).toEqual({ kind: 'patient', patientId: 'p1' });
    expect(() => authorizeFhir(p, classifyFhir('GET', ['Patient', 'p2']))).toThrow(/another patient/);
    expect(() => authorizeFhir(p, classifyFhir('GET', ['Patient', 'p2', '$everything']))).toThrow(/another patient/);
    expect(authorizeFhir(p, classifyFhir('POST', []))).toEqual({ kind: 'none' });
    expect(() => {
      authorizeBatch(p, [{ method: 'GET', url: 'Observation/1' }]);
    }).toThrow(/user- or system-level/);
    expect(() => authorizeFhir(p, classifyFhir('GET', []))).toThrow(/user- or system-level/);
    expect(() => authorizeFhir(p, classifyFhir('GET', ['Observation', '_history']))).toThrow(/Type history/);
    expect(() => authorizeFhir(p, classifyFhir('POST', ['Observation']))).toThrow(/do not allow/);
    expect(() => authorizeApi(p, 'p2')).toThrow(/another patient/);
    expect(authorizeApi(p, 'p1')).toEqual({ kind: 'patient', patientId: 'p1' });
    expect(() => authorizeFhir({ ...p, patient: undefined }, classifyFhir('GET', ['Observation']))).toThrow(
      /launch patient/,
    );
  });

  it('lets user and system grants reach every patient', () => {
    const u: Principal = { sub: 'Practitioner/1', clientId: 'app', scopes: parseScopes('user/*.rs') };
    expect(authorizeFhir(u, classifyFhir('GET', ['Patient', 'p2']))).toEqual({ kind: 'none' });
    expect(() => authorizeFhir(u, classifyFhir('PUT', ['Patient', 'p2']))).toThrow();
    expect(() => {
      authorizeBatch(u, [
        { method: 'GET', url: 'Patient/p2' },
        { method: 'GET', url: 'Observation?code=x' },
      ]);
    }).not.toThrow();
    expect(() => {
      authorizeBatch(u, [{ method: 'POST', url: 'Observation' }]);
    }).toThrow(/do not allow/);
  });

  it('forces searches into the compartment', () => {
    expect(compartmentFilter('Patient', 'p1')).toEqual(['_id', 'p1']);
    expect(compartmentFilter('Observation', 'p1')).toEqual(['_compartment', 'Patient/p1']);
    expect(compartmentFilter('Medication', 'p1')).toBeUndefined();
  });

  it('finds the patients of a resource through the R4 compartment definition', () => {
    const obs = {
      resourceType: 'Observation',
      subject: { reference: 'Patient/p1' },
      performer: [{ reference: 'Patient/p9' }],
    } as { resourceType: string };
    expect(patientIdsOf(obs).sort()).toEqual(['p1', 'p9']);
    expect(visibleToPatient(obs, 'p1')).toBe(true);
    const other = { resourceType: 'Observation', subject: { reference: 'Patient/p2' } } as { resourceType: string };
    expect(visibleToPatient(other, 'p1')).toBe(false);
    expect(visibleToPatient({ resourceType: 'Observation' }, 'p1')).toBe(false);
    expect(visibleToPatient({ resourceType: 'Medication', id: 'm' }, 'p1')).toBe(true);
    expect(visibleToPatient({ resourceType: 'Patient', id: 'p2' }, 'p1')).toBe(false);
  });
});

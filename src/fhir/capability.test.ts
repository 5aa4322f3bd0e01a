import { describe, expect, it } from 'vitest';
import { buildCapabilityStatement, capabilitySearchParams, supportedResourceTypes } from './capability.js';

const software = { name: 'Vitalis', version: '0.1.0' };

describe('buildCapabilityStatement', () => {
  it('lists every R4 resource type with CRUD, history and search for a writable store', () => {
    const cs = buildCapabilityStatement({
      capabilities: { write: true, local: true },
      software,
      baseUrl: 'http://x/fhir',
    });
    expect(cs.fhirVersion).toBe('4.0.1');
    expect(cs.kind).toBe('instance');
    expect(cs.format).toContain('application/fhir+json');
    expect(cs.implementation?.url).toBe('http://x/fhir');
    const rest = cs.rest?.[0];
    expect(rest?.interaction?.map((i) => i.code)).toEqual(['transaction', 'batch']);
    const types = rest?.resource?.map((r) => r.type) ?? [];
    expect(types).toEqual(supportedResourceTypes());
    expect(types).toEqual(expect.arrayContaining(['Patient', 'Observation', 'Condition', 'MedicationRequest']));
    expect(types).not.toContain('Resource');
    const patient = rest?.resource?.find((r) => r.type === 'Patient');
    expect(patient?.interaction?.map((i) => i.code)).toEqual([
      'read',
      'vread',
      'history-instance',
      'history-type',
      'search-type',
      'create',
      'update',
      'delete',
    ]);
    expect(patient?.versioning).toBe('versioned-update');
    expect(patient?.conditionalCreate).toBe(true);
    expect(patient?.operation?.[0]?.name).toBe('everything');
    const params = patient?.searchParam?.map((p) => p.name) ?? [];
    expect(params).toEqual(
      expect.arrayContaining(['_id', '_lastUpdated', 'name', 'birthdate', 'identifier', 'gender']),
    );
  });

  it('omits write interactions and bundles for a read-only store', () => {
    const cs = buildCapabilityStatement({ capabilities: { write: false, local: false }, software });
    const rest = cs.rest?.[0];
    expect(rest?.interaction).toEqual([]);
    const obs = rest?.resource?.find((r) => r.type === 'Observation');
    expect(obs?.interaction?.map((i) => i.code)).not.toContain('create');
    expect(obs?.updateCreate).toBe(false);
  });
});

describe('capabilitySearchParams', () => {
  it('takes the official R4 definitions only, with their types', () => {
    const params = capabilitySearchParams('Observation');
    const code = params.find((p) => p.name === 'code');
    expect(code).toEqual({
      name: 'code',
      type: 'token',
      definition: 'http://hl7.org/fhir/SearchParameter/clinical-code',
    });
    expect(params.find((p) => p.name === 'value-quantity')?.type).toBe('quantity');
    expect(params.every((p) => p.definition?.startsWith('http://hl7.org/fhir/SearchParameter/'))).toBe(true);
    expect(params.map((p) => p.name)).not.toContain('_project');
  });

  it('does not advertise composite parameters, which the store does not implement', () => {
    const names = capabilitySearchParams('Observation').map((p) => p.name);
    expect(names).not.toContain('code-value-quantity');
    expect(names).toContain('component-code');
  });
});

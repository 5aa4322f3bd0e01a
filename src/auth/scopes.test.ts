import { describe, expect, it } from 'vitest';
import { narrowScopes, parseScopes, reach } from './scopes.js';

describe('SMART scopes', () => {
  it('parses v2 and v1 resource scopes and keeps the rest as other scopes', () => {
    const s = parseScopes('patient/*.rs user/Observation.cruds system/Patient.read launch/patient openid fhirUser');
    expect(s.resources.map((r) => [r.level, r.type, [...r.interactions].sort().join('')])).toEqual([
      ['patient', '*', 'rs'],
      ['user', 'Observation', 'cdrsu'],
      ['system', 'Patient', 'rs'],
    ]);
    expect([...s.other]).toEqual(['launch/patient', 'openid', 'fhirUser']);
  });

  it('rejects v2 permissions out of order and does not widen granular scopes', () => {
    expect(parseScopes('patient/*.sr').resources).toEqual([]);
    expect(parseScopes('patient/*.rr').resources).toEqual([]);
    expect(parseScopes('patient/Observation.rs?category=laboratory').resources).toEqual([]);
  });

  it('computes the reach: user and system scopes reach every patient, patient scopes one', () => {
    const s = parseScopes('patient/*.rs user/Observation.r');
    expect(reach(s, 'Condition', 'r')).toBe('patient');
    expect(reach(s, 'Observation', 'r')).toBe('all');
    expect(reach(s, 'Observation', 's')).toBe('patient');
    expect(reach(s, 'Observation', 'c')).toBe('none');
  });

  it('narrows requested scopes to what the client is registered for', () => {
    expect(
      narrowScopes('patient/Observation.rs patient/*.cruds user/*.rs openid offline_access', 'patient/*.rs openid'),
    ).toEqual(['patient/Observation.rs', 'openid']);
    expect(narrowScopes('system/*.rs', 'patient/*.rs')).toEqual([]);
  });
});

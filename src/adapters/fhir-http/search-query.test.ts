import { parseSearchRequest } from '@medplum/core';
import type { Bundle } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { loadFhirDefinitions } from '../../fhir/definitions.js';
import { idSegment, rebaseBundle, searchPath, searchQuery, typeSegment } from './search-query.js';

beforeAll(() => {
  loadFhirDefinitions();
});

describe('searchQuery', () => {
  it('serializes a parsed search back into a standard R4 query', () => {
    const req = parseSearchRequest(
      'Observation?code=http://loinc.org|8867-4&date=ge2020-01-01&subject=Patient/p1&_sort=-date&_count=5&_include=Observation:subject',
    );
    const query = new URLSearchParams(searchQuery(req).slice(1));
    expect(query.get('code')).toBe('http://loinc.org|8867-4');
    expect(query.get('date')).toBe('ge2020-01-01');
    expect(query.get('subject')).toBe('Patient/p1');
    expect(query.get('_sort')).toBe('-date');
    expect(query.get('_count')).toBe('5');
    expect(query.get('_include')).toBe('Observation:subject');
  });

  it('uses _elements and keeps _summary and modifiers', () => {
    const req = parseSearchRequest('Patient?name:contains=sm&_elements=id,name&_summary=true');
    const query = searchQuery(req);
    expect(query).toContain('_elements=id,name');
    expect(query).not.toContain('_fields');
    expect(query).toContain('_summary=true');
    expect(query).toContain('name:contains=sm');
  });

  it('escapes values so they cannot add parameters', () => {
    const req = parseSearchRequest('Patient', { identifier: 'urn:x|a&_id=b' });
    expect(new URLSearchParams(searchQuery(req).slice(1)).get('identifier')).toBe('urn:x|a&_id=b');
  });

  it('rejects parameter names that would alter the URL', () => {
    const req = { resourceType: 'Patient' as const, filters: [{ code: 'a&b', operator: 'eq' as never, value: '1' }] };
    expect(() => searchQuery(req)).toThrow(/Invalid search parameter name/);
  });

  it('builds the type path, or nothing for an empty search', () => {
    expect(searchPath({ resourceType: 'Patient' })).toBe('/Patient');
  });
});

describe('path segments', () => {
  it('accepts FHIR ids and types and rejects path tricks', () => {
    expect(idSegment('abc-1.2')).toBe('abc-1.2');
    expect(typeSegment('Patient')).toBe('Patient');
    for (const bad of ['../x', 'a/b', '', 'a?b', 'x'.repeat(65)]) {
      expect(() => idSegment(bad)).toThrow();
    }
    let caught: unknown;
    try {
      typeSegment('patient/../x');
    } catch (err) {
      caught = err;
    }
    expect(isAppError(caught, 'VITALIS_BAD_REQUEST')).toBe(true);
  });
});

describe('rebaseBundle', () => {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    link: [
      { relation: 'self', url: 'https://ehr.example/fhir/Patient?name=x' },
      { relation: 'next', url: 'https://other.example/page/2' },
    ],
    entry: [{ fullUrl: 'https://ehr.example/fhir/Patient/1', resource: { resourceType: 'Patient', id: '1' } }],
  };

  it('points the server’s own URLs at the local base', () => {
    const out = rebaseBundle(bundle, 'https://ehr.example/fhir', 'http://localhost:8080/fhir/');
    expect(out.link?.[0]?.url).toBe('http://localhost:8080/fhir/Patient?name=x');
    expect(out.link?.[1]?.url).toBe('https://other.example/page/2');
    expect(out.entry?.[0]?.fullUrl).toBe('http://localhost:8080/fhir/Patient/1');
  });

  it('leaves the bundle untouched without a local base', () => {
    expect(rebaseBundle(bundle, 'https://ehr.example/fhir', undefined)).toBe(bundle);
  });

  it('does not rebase a sibling path that merely shares the prefix', () => {
    const b: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      link: [{ relation: 'self', url: 'https://ehr.example/fhir2/X' }],
    };
    expect(rebaseBundle(b, 'https://ehr.example/fhir', 'http://l/fhir').link?.[0]?.url).toBe(
      'https://ehr.example/fhir2/X',
    );
  });
});

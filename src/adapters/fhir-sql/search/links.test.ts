import { parseSearchRequest } from '@medplum/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../../../fhir/definitions.js';
import { formatQuery, pageLinks } from './links.js';

describe('paging links', () => {
  beforeAll(() => {
    loadFhirDefinitions();
  });

  it('formats prefixes, modifiers, chains, sort, includes and elements back into a query', () => {
    const request = parseSearchRequest(
      'Observation?date=ge2020&code:not=x&subject:Patient.name=a b&_sort=-date,_id&_include=Observation:subject:Patient&_revinclude:iterate=Provenance:target&_elements=code&_total=accurate',
    );
    expect(formatQuery(request)).toEqual([
      'date=ge2020',
      'code:not=x',
      'subject:Patient.name=a%20b',
      '_sort=-date,_id',
      '_include=Observation%3Asubject%3APatient',
      '_revinclude:iterate=Provenance%3Atarget',
      '_elements=code',
      '_total=accurate',
    ]);
  });

  it('links first, prev, next and last pages', () => {
    const request = parseSearchRequest('Patient?name=x');
    const links = pageLinks(request, { baseUrl: 'http://h/fhir', count: 10, offset: 20, hasNext: true, total: 45 });
    expect(Object.fromEntries(links.map((l) => [l.relation, l.url]))).toEqual({
      self: 'http://h/fhir/Patient?name=x&_count=10&_offset=20',
      first: 'http://h/fhir/Patient?name=x&_count=10&_offset=0',
      prev: 'http://h/fhir/Patient?name=x&_count=10&_offset=10',
      next: 'http://h/fhir/Patient?name=x&_count=10&_offset=30',
      last: 'http://h/fhir/Patient?name=x&_count=10&_offset=40',
    });
  });
});

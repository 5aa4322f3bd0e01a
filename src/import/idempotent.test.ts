import type { Bundle, Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { deterministicId, isResourceLike, makeIdempotent, putEntry, urnUuid } from './idempotent.js';

const PAT = '36b0075a-44ae-459c-92a6-d83e037fd064';
const ENC = '5d1b2b0e-7c0a-4a5e-9f3c-2f0e5b6a7c8d';

describe('makeIdempotent', () => {
  it('turns POST urn:uuid entries into PUT Type/uuid and rewrites references to them', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: `urn:uuid:${PAT}`,
          resource: { resourceType: 'Patient' },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          fullUrl: `urn:uuid:${ENC.toUpperCase()}`,
          resource: {
            resourceType: 'Encounter',
            status: 'finished',
            class: { code: 'AMB' },
            subject: { reference: `urn:uuid:${PAT}` },
          },
          request: { method: 'POST', url: 'Encounter' },
        },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'x' },
            subject: { reference: `urn:uuid:${PAT}` },
            encounter: { reference: `urn:uuid:${ENC.toUpperCase()}` },
          },
          request: { method: 'POST', url: 'Observation' },
        },
        {
          fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          resource: { resourceType: 'Organization', identifier: [{ system: 's', value: '1' }] },
          request: { method: 'POST', url: 'Organization', ifNoneExist: 'identifier=s|1' },
        },
      ],
    };
    makeIdempotent(bundle);
    const [p, e, o, org] = bundle.entry ?? [];
    expect(p?.request).toEqual({ method: 'PUT', url: `Patient/${PAT}` });
    expect(p?.resource?.id).toBe(PAT);
    expect(e?.request).toEqual({ method: 'PUT', url: `Encounter/${ENC}` });
    expect(e?.resource).toMatchObject({ id: ENC, subject: { reference: `Patient/${PAT}` } });
    const obs = o?.resource as Observation;
    expect(obs.subject?.reference).toBe(`Patient/${PAT}`);
    expect(obs.encounter?.reference).toBe(`Encounter/${ENC}`);
    // Without a urn:uuid the id is a content hash taken after rewriting, so it is the same on every run.
    expect(o?.request).toEqual({ method: 'PUT', url: `Observation/${obs.id ?? ''}` });
    expect(obs.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // Conditional creates stay conditional.
    expect(org?.request).toEqual({ method: 'POST', url: 'Organization', ifNoneExist: 'identifier=s|1' });
    expect(org?.resource?.id).toBeUndefined();
  });
});

describe('deterministicId', () => {
  it('depends on content only, not on key order, id or meta', () => {
    const a = deterministicId({ resourceType: 'Observation', status: 'final', code: { text: 'a', coding: [] } });
    const b = deterministicId({
      code: { coding: [], text: 'a' },
      status: 'final',
      resourceType: 'Observation',
      meta: { versionId: '3' },
    });
    const c = deterministicId({ resourceType: 'Observation', status: 'amended', code: { text: 'a', coding: [] } });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('putEntry and helpers', () => {
  it('keeps an existing id and derives one from a urn:uuid fullUrl or the content', () => {
    expect(putEntry({ resourceType: 'Patient', id: 'p1' }, undefined).request).toEqual({
      method: 'PUT',
      url: 'Patient/p1',
    });
    expect(putEntry({ resourceType: 'Patient' }, `urn:uuid:${PAT}`).request?.url).toBe(`Patient/${PAT}`);
    const hashed = putEntry({ resourceType: 'Patient', gender: 'female' }, 'http://example.org/Patient/9');
    expect(hashed.resource?.id).toBe(deterministicId({ resourceType: 'Patient', gender: 'female' }));
  });

  it('recognizes resources and urn:uuid fullUrls', () => {
    expect(isResourceLike({ resourceType: 'Patient' })).toBe(true);
    expect(isResourceLike({ resourceType: 'patient' })).toBe(false);
    expect(isResourceLike([])).toBe(false);
    expect(isResourceLike('Patient')).toBe(false);
    expect(urnUuid('urn:uuid:not-a-uuid')).toBeUndefined();
    expect(urnUuid(`urn:uuid:${PAT.toUpperCase()}`)).toBe(PAT);
  });
});

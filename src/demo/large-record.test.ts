import { validateResource } from '@medplum/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import { generateLargeRecordPatient } from './index.js';
import { noteTexts, observationsWithLoinc, ofType, resourcesOf } from './test-support/bundle-facts.js';

describe('generateLargeRecordPatient', () => {
  beforeAll(() => {
    loadFhirDefinitions();
  });

  it('builds one patient with at least the requested number of valid resources, deterministically', () => {
    const bundle = generateLargeRecordPatient({ seed: 3, resources: 2_000 });
    const resources = resourcesOf(bundle);
    expect(resources.length).toBeGreaterThanOrEqual(2_000);
    expect(ofType(bundle, 'Patient')).toHaveLength(1);
    for (const r of resources) {
      expect(() => validateResource(r)).not.toThrow();
    }
    const hr = observationsWithLoinc(bundle, '8867-4');
    expect(hr.length).toBeGreaterThan(250);
    expect(Date.parse(hr[1]!.effectiveDateTime!) - Date.parse(hr[0]!.effectiveDateTime!)).toBe(3_600_000);
    expect(Date.parse(hr.at(-1)!.effectiveDateTime!)).toBeLessThanOrEqual(Date.parse('2026-06-01T12:00:00Z'));
    expect(noteTexts(bundle).length).toBeGreaterThan(10);
    expect(JSON.stringify(generateLargeRecordPatient({ seed: 3, resources: 2_000 }))).toBe(JSON.stringify(bundle));
  });

  it('scales to tens of thousands of resources', () => {
    const bundle = generateLargeRecordPatient({ seed: 4, resources: 30_000 });
    expect(bundle.entry!.length).toBeGreaterThanOrEqual(30_000);
    expect(new Set(bundle.entry!.map((e) => e.request!.url)).size).toBe(bundle.entry!.length);
  });
});

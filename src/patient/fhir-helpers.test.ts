import { describe, expect, it } from 'vitest';
import { referenceFactId } from './fhir-helpers.js';

describe('referenceFactId', () => {
  it('reads relative, absolute, versioned, urn and contained references', () => {
    const cases: [string | undefined, string | null][] = [
      ['Encounter/e1', 'Encounter/e1'],
      ['Encounter/e1/_history/2', 'Encounter/e1'],
      ['http://x.example/fhir/Encounter/e1', 'Encounter/e1'],
      ['http://x.example/fhir/Encounter/e1/_history/3', 'Encounter/e1'],
      ['urn:uuid:0a1b', 'Encounter/0a1b'],
      ['#c1', 'Encounter/c1'],
      ['e1', 'Encounter/e1'],
      ['lower/e1', 'Encounter/e1'],
      ['#a/b', 'Encounter/a/b'],
      [undefined, null],
    ];
    for (const [reference, expected] of cases) {
      expect(referenceFactId(reference === undefined ? undefined : { reference }, 'Encounter')).toBe(expected);
    }
  });
});

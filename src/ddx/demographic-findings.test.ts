import { describe, expect, it } from 'vitest';
import { demographicFindings } from './demographic-findings.js';
import { FindingDefSchema } from './kb/schema.js';

const findings = [
  { id: 'female-sex', label: 'Female sex', kind: 'demographic', synonyms: ['woman'] },
  { id: 'male-sex', label: 'Male sex', kind: 'demographic' },
  { id: 'infant', label: 'Infant', kind: 'demographic' },
  { id: 'older-adult', label: 'Older adult', kind: 'demographic' },
  {
    id: 'age-over-50',
    label: 'Age over 50',
    kind: 'demographic',
    loinc: ['30525-0'],
    predicate: { op: '>', value: 50, unit: 'a' },
  },
  { id: 'cough', label: 'Cough', kind: 'symptom' },
].map((f) => FindingDefSchema.parse(f));

function decided(demo: { age: number | null; sex: 'female' | 'male' | null }): Record<string, boolean> {
  return Object.fromEntries(demographicFindings(findings, demo).map((d) => [d.finding.id, d.present]));
}

describe('demographic findings', () => {
  it('are decided by age and sex, including age predicates on LOINC 30525-0', () => {
    expect(decided({ age: 70, sex: 'female' })).toEqual({
      'female-sex': true,
      'male-sex': false,
      infant: false,
      'older-adult': true,
      'age-over-50': true,
    });
    expect(decided({ age: 0.5, sex: null })).toEqual({ infant: true, 'older-adult': false, 'age-over-50': false });
    expect(decided({ age: null, sex: null })).toEqual({});
  });
});

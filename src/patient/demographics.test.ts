import { describe, expect, it } from 'vitest';
import { ageAt, patientDisplay, patientSummary } from './demographics.js';

describe('age', () => {
  it('counts completed years, months and days', () => {
    expect(ageAt('1956-03-19', new Date('2024-06-15T12:00:00Z'))).toEqual({ years: 68, months: 818, days: 24925 });
    expect(ageAt('1956-06-16', new Date('2024-06-15T12:00:00Z'))?.years).toBe(67);
    expect(ageAt('1956-06-15', new Date('2024-06-15T00:00:00Z'))?.years).toBe(68);
  });

  it('gives months and days for infants and neonates', () => {
    expect(ageAt('2024-01-20', new Date('2024-06-15T12:00:00Z'))).toEqual({ years: 0, months: 4, days: 147 });
    expect(ageAt('2024-06-10', new Date('2024-06-15T12:00:00Z'))).toEqual({ years: 0, months: 0, days: 5 });
  });

  it('accepts partial birth dates and rejects future or invalid ones', () => {
    expect(ageAt('1990', new Date('2024-06-15T12:00:00Z'))?.years).toBe(34);
    expect(ageAt('1990-07', new Date('2024-06-15T12:00:00Z'))?.years).toBe(33);
    expect(ageAt('2030-01-01', new Date('2024-06-15T12:00:00Z'))).toBeNull();
    expect(ageAt('not a date', new Date('2024-06-15T12:00:00Z'))).toBeNull();
  });
});

describe('patient summary', () => {
  it('takes the age at death for deceased patients and keeps names out of the summary', () => {
    const summary = patientSummary(
      {
        resourceType: 'Patient',
        id: 'abe',
        meta: { versionId: '7' },
        name: [{ family: 'Simpson', given: ['Abraham'] }],
        gender: 'male',
        birthDate: '1920-05-25',
        deceasedDateTime: '2000-05-24T10:00:00Z',
      },
      new Date('2024-06-15T12:00:00Z'),
    );
    expect(summary).toEqual({
      id: 'abe',
      source: 'Patient/abe/_history/7',
      birthDate: '1920-05-25',
      age: { years: 79, months: 959, days: 29219 },
      sex: 'male',
      deceased: true,
      deceasedDateTime: '2000-05-24T10:00:00Z',
    });
    expect(JSON.stringify(summary)).not.toContain('Simpson');
    expect(patientDisplay({ resourceType: 'Patient', name: [{ family: 'Simpson', given: ['Abraham', 'J'] }] })).toEqual(
      {
        name: 'Abraham J Simpson',
      },
    );
    expect(patientSummary({ resourceType: 'Patient', id: 'x' }, new Date()).sex).toBe('unknown');
  });
});

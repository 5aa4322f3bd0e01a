import { describe, expect, it } from 'vitest';
import { convertUnit, normalizeUnit, toCanonical } from './units.js';

describe('UCUM units', () => {
  it('converts pounds to kilograms and Fahrenheit to Celsius', () => {
    expect(convertUnit(165, '[lb_av]', 'kg')).toBeCloseTo(74.8427, 3);
    expect(convertUnit(98.6, '[degF]', 'Cel')).toBeCloseTo(37, 6);
    expect(convertUnit(32, '[degF]', 'Cel')).toBeCloseTo(0, 6);
    expect(convertUnit(212, '[degF]', 'Cel')).toBeCloseTo(100, 6);
  });

  it('converts substance to mass concentration with the molar mass, and refuses without it', () => {
    // Glucose 180.156 g/mol: 5.5 mmol/L = 99.09 mg/dL.
    expect(convertUnit(5.5, 'mmol/L', 'mg/dL', 180.156)).toBeCloseTo(99.0858, 3);
    expect(convertUnit(5.5, 'mmol/L', 'mg/dL')).toBeNull();
    expect(toCanonical(7.8, 'mmol/L', '2345-7')).toEqual({ value: 140.52168, unit: 'mg/dL', canonical: true });
    // Creatinine 113.12 g/mol: 88.4 umol/L ~ 1 mg/dL.
    expect(toCanonical(88.4, 'umol/L', '2160-0').value).toBeCloseTo(1, 3);
  });

  it('rounds away floating-point noise and keeps identical units as they are', () => {
    expect(convertUnit(7, '10*9/L', '10*3/uL')).toBe(7);
    expect(toCanonical(120, 'mm[Hg]', '8480-6')).toEqual({ value: 120, unit: 'mm[Hg]', canonical: true });
  });

  it('keeps a valid UCUM unit when the code has no canonical unit, and flags incommensurable units', () => {
    expect(toCanonical(3, 'kU/L', '6206-7')).toEqual({ value: 3, unit: 'kU/L', canonical: false });
    expect(toCanonical(3, 'g', '8480-6')).toEqual({ value: 3, unit: 'g', canonical: false });
    expect(toCanonical(3, null, '8480-6')).toEqual({ value: 3, unit: null, canonical: false });
  });

  it('normalizes common non-UCUM spellings and rejects invalid units', () => {
    expect(normalizeUnit('K/uL')).toBe('10*3/uL');
    expect(normalizeUnit('mmHg')).toBe('mm[Hg]');
    expect(normalizeUnit('°F')).toBe('[degF]');
    expect(normalizeUnit('lbs')).toBe('[lb_av]');
    expect(normalizeUnit('IU/L')).toBe('U/L');
    expect(normalizeUnit('beats per fortnight')).toBeNull();
    // The UCUM code wins over the display unit; a non-UCUM system's code is ignored.
    expect(normalizeUnit('pounds', 'http://unitsofmeasure.org', '[lb_av]')).toBe('[lb_av]');
    expect(normalizeUnit('kg', 'http://example.org/units', 'KILO')).toBe('kg');
  });
});

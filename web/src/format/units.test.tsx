import { describe, expect, it } from 'vitest';
import { humanizeUnits, humanUnit } from './units.js';

describe('humanUnit', () => {
  it('writes UCUM units as clinicians read them', () => {
    expect(humanUnit('Cel')).toBe('°C');
    expect(humanUnit('mm[Hg]')).toBe('mmHg');
    expect(humanUnit('/min')).toBe('/min');
    expect(humanUnit('%')).toBe('%');
    expect(humanUnit('mL/min/{1.73_m2}')).toBe('mL/min/1.73 m²');
    expect(humanUnit('umol/L')).toBe('µmol/L');
    expect(humanUnit('mg/dL')).toBe('mg/dL');
    expect(humanUnit('{beats}/min')).toBe('/min');
    expect(humanUnit(null)).toBe('');
  });
});

describe('humanizeUnits', () => {
  it('rewrites UCUM units inside sentences and leaves other text alone', () => {
    expect(humanizeUnits('Temperature 38.9 Cel; BP 92 mm[Hg]; eGFR 34 mL/min/{1.73_m2}; GCS total 14 {score}.')).toBe(
      'Temperature 38.9 °C; BP 92 mmHg; eGFR 34 mL/min/1.73 m²; GCS total 14.',
    );
    expect(humanizeUnits('WBC 16.2 10*3/uL, BMI 27.3 kg/m2')).toBe('WBC 16.2 ×10³/µL, BMI 27.3 kg/m²');
    expect(humanizeUnits('Celsius Cell')).toBe('Celsius Cell');
  });
});

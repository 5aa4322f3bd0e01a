import { describe, expect, it } from 'vitest';
import { extractDemographics, extractDurations, extractMeasurements } from './values.js';

function values(text: string): [string, number][] {
  return extractMeasurements(text).map((m) => [m.measurement.loinc, m.measurement.value]);
}

describe('value extraction', () => {
  it('reads temperatures in °F and °C', () => {
    expect(values('temperature of 104°F (40°C)')).toEqual([
      ['8310-5', 40],
      ['8310-5', 40],
    ]);
    expect(values('Temp 38.4')).toEqual([['8310-5', 38.4]]);
    expect(values('T 99.5')).toEqual([['8310-5', 37.5]]);
  });

  it('reads heart rate, blood pressure, respiratory rate and SpO2', () => {
    expect(values('HR 124, BP 86/50, RR 28, SpO2 89%')).toEqual([
      ['8867-4', 124],
      ['8480-6', 86],
      ['8462-4', 50],
      ['9279-1', 28],
      ['59408-5', 89],
    ]);
    expect(values('pulse of 110 bpm; blood pressure is 150/95 mmHg; 94% on room air')).toEqual([
      ['8867-4', 110],
      ['8480-6', 150],
      ['8462-4', 95],
      ['59408-5', 94],
    ]);
  });

  it('reads laboratory values', () => {
    expect(values('serum ALT of 6498 units/L, total bilirubin of 5.6 mg/dL, and INR of 6.8')).toEqual([
      ['1742-6', 6498],
      ['1975-2', 5.6],
      ['6301-6', 6.8],
    ]);
  });

  it('reads cell counts per microlitre as 10*3/uL', () => {
    expect(values('WBC 18,500 and platelets 85000')).toEqual([
      ['6690-2', 18.5],
      ['777-3', 85],
    ]);
  });

  it('reads durations in days', () => {
    expect(
      extractDurations('cough for 3 days and a two-week history of fatigue, over the last several hours').map(
        (d) => d.days,
      ),
    ).toEqual([3, 14, 0.125]);
    expect(extractDurations('a 45-year-old man')).toEqual([]);
  });

  it('reads demographics', () => {
    expect(extractDemographics('Patient is a 61 year old Male.')).toEqual({ age: 61, sex: 'male' });
    expect(extractDemographics('She is 30 years old.')).toEqual({ age: 30, sex: 'female' });
    expect(extractDemographics('no age here')).toEqual({ age: null, sex: null });
  });
});

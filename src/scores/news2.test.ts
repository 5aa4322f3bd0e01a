import { describe, expect, it } from 'vitest';
import {
  news2,
  news2PulsePoints,
  news2RespPoints,
  news2Spo2Scale1Points,
  news2Spo2Scale2Points,
  news2SystolicPoints,
  news2TemperaturePoints,
} from './news2.js';
import { ScoreResultSchema } from './result-schema.js';
import { chart, codedVital, condition, medication, NOW, patientAged, vital, vitalSet } from './test-support/chart.js';

const adult = patientAged(60, 'male');
const normal = { rr: 16, spo2: 98, sbp: 130, hr: 70, temp: 37.0, o2Flow: 0, gcs: 15 };

function scoreOf(v: Parameters<typeof vitalSet>[0], extra?: Parameters<typeof news2>[1]): ReturnType<typeof news2> {
  return news2(chart(adult, vitalSet(v)), extra);
}

describe('NEWS2 cut-points', () => {
  it.each([
    [8, 3],
    [9, 1],
    [11, 1],
    [12, 0],
    [20, 0],
    [21, 2],
    [24, 2],
    [25, 3],
  ])('respiration rate %d scores %d', (rr, pts) => {
    expect(news2RespPoints(rr)).toBe(pts);
    expect(scoreOf({ ...normal, rr }).value).toBe(pts);
  });
  it.each([
    [91, 3],
    [92, 2],
    [93, 2],
    [94, 1],
    [95, 1],
    [96, 0],
  ])('SpO2 scale 1 %d scores %d', (spo2, pts) => {
    expect(news2Spo2Scale1Points(spo2)).toBe(pts);
    expect(scoreOf({ ...normal, spo2 }).value).toBe(pts);
  });
  it.each([
    [83, false, 3],
    [84, false, 2],
    [85, false, 2],
    [86, false, 1],
    [87, false, 1],
    [88, false, 0],
    [92, true, 0],
    [93, false, 0],
    [99, false, 0],
    [93, true, 1],
    [94, true, 1],
    [95, true, 2],
    [96, true, 2],
    [97, true, 3],
  ])('SpO2 scale 2 %d (oxygen %s) scores %d', (spo2, oxygen, pts) => {
    expect(news2Spo2Scale2Points(spo2, oxygen)).toBe(pts);
    const r = scoreOf({ ...normal, spo2, o2Flow: oxygen ? 2 : 0 }, { extra: { news2: { spo2Scale: 2 } } });
    expect(r.components.find((c) => c.id === 'spo2')?.points).toBe(pts);
  });
  it.each([
    [90, 3],
    [91, 2],
    [100, 2],
    [101, 1],
    [110, 1],
    [111, 0],
    [219, 0],
    [220, 3],
  ])('systolic %d scores %d', (sbp, pts) => {
    expect(news2SystolicPoints(sbp)).toBe(pts);
    expect(scoreOf({ ...normal, sbp }).value).toBe(pts);
  });
  it.each([
    [40, 3],
    [41, 1],
    [50, 1],
    [51, 0],
    [90, 0],
    [91, 1],
    [110, 1],
    [111, 2],
    [130, 2],
    [131, 3],
  ])('pulse %d scores %d', (hr, pts) => {
    expect(news2PulsePoints(hr)).toBe(pts);
    expect(scoreOf({ ...normal, hr }).value).toBe(pts);
  });
  it.each([
    [35.0, 3],
    [35.1, 1],
    [36.0, 1],
    [36.1, 0],
    [38.0, 0],
    [38.1, 1],
    [39.0, 1],
    [39.1, 2],
  ])('temperature %d scores %d', (temp, pts) => {
    expect(news2TemperaturePoints(temp)).toBe(pts);
    expect(scoreOf({ ...normal, temp }).value).toBe(pts);
  });
  it('rounds before banding: RR 20.5 -> 21 (2), 20.4 -> 20 (0); 35.05 °C -> 35.1 (1), 35.04 -> 35.0 (3)', () => {
    expect(scoreOf({ ...normal, rr: 20.5 }).value).toBe(2);
    expect(scoreOf({ ...normal, rr: 20.4 }).value).toBe(0);
    expect(scoreOf({ ...normal, temp: 35.05 }).value).toBe(1);
    expect(scoreOf({ ...normal, temp: 35.04 }).value).toBe(3);
  });
  it('oxygen adds 2 points; air adds none', () => {
    expect(scoreOf({ ...normal, o2Flow: 2 }).value).toBe(2);
    expect(scoreOf({ ...normal, o2Flow: 0 }).value).toBe(0);
  });
  it('reads an active oxygen order as supplemental oxygen', () => {
    const r = news2(
      chart(adult, [...vitalSet({ ...normal, o2Flow: undefined }), medication('Oxygen 2 L/min via nasal cannula')]),
    );
    expect(r.components.find((c) => c.id === 'air-or-oxygen')?.points).toBe(2);
  });
  it('scores any consciousness level other than alert as 3', () => {
    const voice = news2(
      chart(adult, [
        ...vitalSet({ ...normal, gcs: undefined }),
        codedVital('67775-7', '300202002', 'Responds to voice'),
      ]),
    );
    expect(voice.value).toBe(3);
    expect(voice.band?.id).toBe('low-medium');
    expect(scoreOf({ ...normal, gcs: 14 }).value).toBe(3);
  });
});

describe('NEWS2 bands and worked examples', () => {
  it('example 1: 7, high', () => {
    const r = scoreOf({ rr: 24, spo2: 95, o2Flow: 0, sbp: 105, hr: 112, gcs: 15, temp: 38.5 });
    expect(r.value).toBe(7);
    expect(r.band?.id).toBe('high');
    expect(r.status).toBe('complete');
    expect(ScoreResultSchema.parse(r)).toEqual(r);
  });
  it('example 2: hypercapnic COPD on scale 2 scores 2 (low), the same on scale 1 scores 4', () => {
    const v = { rr: 18, spo2: 92, o2Flow: 2, sbp: 130, hr: 88, gcs: 15, temp: 37.0 };
    const s2 = scoreOf(v, { extra: { news2: { spo2Scale: 2 } } });
    expect(s2.value).toBe(2);
    expect(s2.band?.id).toBe('low');
    expect(s2.version).toContain('scale 2');
    expect(scoreOf(v).value).toBe(4);
  });
  it('example 3: RR 8 alone -> 3, low-medium', () => {
    const r = scoreOf({ ...normal, rr: 8 });
    expect(r.value).toBe(3);
    expect(r.band?.id).toBe('low-medium');
    expect(r.reasons).toContain('a single parameter scores 3');
    expect(r.flags).toEqual(['single-parameter-3']);
  });
  it.each([
    [4, 'low'],
    [5, 'medium'],
    [6, 'medium'],
    [7, 'high'],
  ])('aggregate %d is %s', (total, id) => {
    // Build totals from pulse (1-2) + respiration (2) + temperature (1-2) without any single 3.
    const sets: Record<number, Parameters<typeof vitalSet>[0]> = {
      4: { ...normal, rr: 22, hr: 100, temp: 38.5 },
      5: { ...normal, rr: 22, hr: 120, temp: 38.5 },
      6: { ...normal, rr: 22, hr: 120, temp: 39.5 },
      7: { ...normal, rr: 22, hr: 120, temp: 39.5, sbp: 105 },
    };
    const r = scoreOf(sets[total] ?? {});
    expect(r.value).toBe(total);
    expect(r.band?.id).toBe(id);
  });
  it('suggests scale 2 when hypercapnic respiratory failure is documented, but scores scale 1', () => {
    const r = news2(chart(adult, [...vitalSet({ ...normal, spo2: 90 }), condition('J96.12')]));
    expect(r.components.find((c) => c.id === 'spo2')?.points).toBe(3);
    expect(r.flags).toEqual(['consider-spo2-scale-2', 'single-parameter-3']);
    expect(r.provenance.facts.some((f) => f.source.startsWith('Condition/'))).toBe(true);
  });
  it('score 0 is the routine band', () => {
    expect(scoreOf(normal).band?.id).toBe('low-zero');
  });
});

describe('NEWS2 missing inputs, windows and provenance', () => {
  it('lists missing parameters, keeps the known points, and leaves the band undecided when it could change', () => {
    const r = scoreOf({ rr: 18, hr: 80 });
    expect(r.status).toBe('incomplete');
    expect(r.value).toBe(0);
    expect(r.missing.map((m) => m.id).sort()).toEqual(
      ['air-or-oxygen', 'consciousness', 'spo2', 'systolic-bp', 'temperature'].sort(),
    );
    expect(r.range).toEqual({ min: 0, max: 14 });
    expect(r.band).toBeNull();
  });
  it('decides the band when no missing value could change it', () => {
    const r = scoreOf({ rr: 28, spo2: 88, sbp: 85, hr: 135, temp: 39.5 });
    expect(r.value).toBe(14);
    expect(r.band?.id).toBe('high');
    expect(r.status).toBe('incomplete');
  });
  it('ignores vitals older than 12 hours and vitals after the evaluation time', () => {
    const old = news2(chart(adult, vitalSet(normal, 13 * 60)));
    expect(old.missing).toHaveLength(7);
    const future = news2(chart(adult, vitalSet(normal, -30)));
    expect(future.missing).toHaveLength(7);
    expect(old.provenance.windows.find((w) => w.input === 'respiratory-rate')).toEqual({
      input: 'respiratory-rate',
      from: '2024-06-15T00:00:00.000Z',
      to: NOW.toISOString(),
      hours: 12,
    });
  });
  it('uses the newest reading and cites its fact id and version', () => {
    const older = vital('9279-1', 30, '/min', 120);
    const newer = vital('9279-1', 16, '/min', 10);
    const r = news2(chart(adult, [older, newer]));
    const rr = r.components.find((c) => c.id === 'respiratory-rate');
    expect(rr?.input).toBe(16);
    expect(rr?.facts).toEqual([`Observation/${newer.id ?? ''}`]);
    expect(r.provenance.facts.map((f) => f.source)).toEqual([`Observation/${newer.id ?? ''}/_history/1`]);
  });
  it('converts °F temperatures through the context', () => {
    const r = news2(chart(adult, [vital('8310-5', 102.2, '[degF]')]));
    expect(r.components.find((c) => c.id === 'temperature')).toMatchObject({ input: 39, points: 1 });
  });
});

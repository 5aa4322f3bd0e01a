import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { chart, codedVital, condition, NOW, patientAged, vital, vitalSet } from './test-support/chart.js';
import { dangerZone, triageEsi } from './triage.js';

const edVisit: Resource = {
  resourceType: 'Encounter',
  id: 'ed1',
  meta: { versionId: '1' },
  status: 'in-progress',
  class: { code: 'EMER' },
  subject: { reference: 'Patient/p1' },
  period: { start: new Date(NOW.getTime() - 60 * 60_000).toISOString() },
};
const stable = { rr: 16, spo2: 98, sbp: 130, hr: 80, temp: 37 };

function triage(
  age: number,
  resources: Resource[],
  extra: Parameters<typeof triageEsi>[1] = {},
): ReturnType<typeof triageEsi> {
  return triageEsi(chart(patientAged(age, 'male'), [edVisit, ...resources]), extra);
}

describe('ESI-like triage', () => {
  it('pulseless and apnoeic -> ESI 1', () => {
    const r = triage(60, vitalSet({ hr: 0, rr: 0 }));
    expect(r.value).toBe(1);
    expect(r.band?.id).toBe('esi-1');
    expect(r.reasons[0]).toMatch(/^A:/);
  });
  it('unresponsive -> ESI 1; responds to voice (new confusion) -> ESI 2', () => {
    expect(triage(60, [...vitalSet(stable), codedVital('67775-7', '422768004', 'Unresponsive')]).value).toBe(1);
    const voice = triage(60, [...vitalSet(stable), codedVital('67775-7', '300202002', 'Responds to voice')]);
    expect(voice.value).toBe(2);
    expect(voice.reasons).toContain('B: new confusion/lethargy');
  });
  it('stable 58-year-old with chest pain suggestive of ACS -> ESI 2 (high-risk presentation from the chart)', () => {
    const acs = condition('394659003', { onset: new Date(NOW.getTime() - 2 * 3_600_000).toISOString() });
    const r = triage(58, [...vitalSet(stable), acs]);
    expect(r.value).toBe(2);
    expect(r.components.find((c) => c.id === 'b-high-risk')?.facts).toEqual([`Condition/${acs.id ?? ''}`]);
  });
  it('an old high-risk diagnosis is not the presenting problem', () => {
    const r = triage(58, [...vitalSet(stable), condition('394659003', { onset: '2020-01-01' })], {
      extra: { triage: { expectedResources: 0 } },
    });
    expect(r.value).toBe(5);
  });
  it.each([
    [6, false],
    [7, true],
  ])('pain %d/10 -> severe pain %s', (pain, severe) => {
    const r = triage(40, [...vitalSet(stable), vital('72514-3', pain, '{score}')], {
      extra: { triage: { expectedResources: 1 } },
    });
    expect(r.value).toBe(severe ? 2 : 4);
  });
  it('twisted ankle needing one X-ray -> ESI 4; prescription refill -> ESI 5', () => {
    expect(triage(30, vitalSet(stable), { extra: { triage: { expectedResources: 1 } } }).value).toBe(4);
    expect(triage(30, vitalSet(stable), { extra: { triage: { expectedResources: 0 } } }).value).toBe(5);
  });
  it('abdominal pain needing labs + CT: HR 110 -> ESI 3 with "consider ESI 2"; HR 88 -> ESI 3', () => {
    const fast = triage(40, vitalSet({ ...stable, hr: 110 }), { extra: { triage: { expectedResources: 2 } } });
    expect(fast.value).toBe(3);
    expect(fast.otherBands.map((b) => b.id)).toEqual(['consider-esi-2']);
    expect(fast.flags).toEqual(['consider-esi-2']);
    expect(fast.reasons.at(-1)).toBe('D: danger-zone vitals (heart rate > 100 110): consider ESI 2');
    const calm = triage(40, vitalSet({ ...stable, hr: 88 }), { extra: { triage: { expectedResources: 2 } } });
    expect(calm.value).toBe(3);
    expect(calm.otherBands).toEqual([]);
  });
  it.each([
    [{ hr: 100 }, false],
    [{ hr: 101 }, true],
    [{ rr: 20 }, false],
    [{ rr: 21 }, true],
    [{ spo2: 92 }, false],
    [{ spo2: 91 }, true],
  ])('adult danger zone %o -> %s', (v, danger) => {
    const r = triage(40, vitalSet({ ...stable, ...v }), { extra: { triage: { expectedResources: 3 } } });
    expect(r.otherBands.length > 0).toBe(danger);
  });
  it.each([
    [30, { hr: 180, rr: 50 }],
    [91, { hr: 160, rr: 40 }],
    [3 * 365, { hr: 140, rr: 30 }],
    [8 * 365, { hr: 140, rr: 30 }],
    [9 * 365, { hr: 100, rr: 20 }],
  ])('age %d days: danger-zone limits %o', (days, limits) => {
    expect(dangerZone(days)).toEqual(limits);
  });
  it('neonate with fever > 38.0 -> at least ESI 2', () => {
    const birthDate = new Date(NOW.getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
    const ctx = chart({ resourceType: 'Patient', id: 'p1', gender: 'female', birthDate }, [
      edVisit,
      vital('8310-5', 38.2, 'Cel'),
    ]);
    expect(triageEsi(ctx).value).toBe(2);
    const cool = chart({ resourceType: 'Patient', id: 'p1', gender: 'female', birthDate }, [
      edVisit,
      vital('8310-5', 38.0, 'Cel'),
    ]);
    expect(triageEsi(cool, { extra: { triage: { expectedResources: 0 } } }).value).toBe(5);
  });
  it('leaves the level at 3-5 when the resources are not given', () => {
    const r = triage(40, vitalSet({ ...stable, hr: 120 }));
    expect(r.value).toBeNull();
    expect(r.range).toEqual({ min: 3, max: 5 });
    expect(r.missing[0]?.extraKey).toBe('triage.expectedResources');
    expect(r.reasons[0]).toMatch(/^danger-zone vitals/);
  });
  it('is not applicable outside an emergency encounter unless triage inputs are given', () => {
    const ctx = chart(patientAged(40, 'male'), vitalSet(stable));
    expect(triageEsi(ctx).status).toBe('not-applicable');
    expect(triageEsi(ctx, { extra: { triage: { expectedResources: 0 } } }).value).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { buildIhtcModel } from './model.js';
import { parseIhtcInstance } from './parse.js';
import { planMandatoryDays } from './surgeon-plan.js';
import { ihtcDataMissing, publicInstanceText } from './test-support.js';

const missing = ihtcDataMissing();

describe.skipIf(missing !== null)('IHTC surgeon packing of mandatory patients', () => {
  it('gives every mandatory patient of i16 a day in its window without surgeon overtime', () => {
    const m = buildIhtcModel(parseIhtcInstance(publicInstanceText('i16')));
    const plan = planMandatoryDays(m);
    const load = new Int32Array(m.surgeons * m.days);
    for (let p = 0; p < m.patients; p++) {
      const d = plan[p] ?? -1;
      if (!m.mandatory[p]) {
        expect(d).toBe(-1);
        continue;
      }
      expect(d).toBeGreaterThanOrEqual(m.release[p] ?? 0);
      expect(d).toBeLessThanOrEqual(m.due[p] ?? 0);
      const k = (m.surgeon[p] ?? 0) * m.days + d;
      load[k] = (load[k] ?? 0) + (m.duration[p] ?? 0);
    }
    for (let k = 0; k < load.length; k++) expect(load[k]).toBeLessThanOrEqual(m.maxSurgery[k] ?? 0);
  });

  it('leaves a surgeon unplanned when its patients cannot be packed', () => {
    const m = buildIhtcModel(parseIhtcInstance(publicInstanceText('i16')));
    m.maxSurgery.fill(0);
    expect(Array.from(planMandatoryDays(m, 1_000)).every((d) => d === -1)).toBe(true);
  });
});

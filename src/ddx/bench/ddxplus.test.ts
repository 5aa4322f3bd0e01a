import { describe, expect, it } from 'vitest';
import { infer, ranking } from '../engine/inference.js';
import { assignFolds, interactiveCase, runDdxplusBench } from './ddxplus-bench.js';
import { readDdxplus } from './ddxplus-import.js';
import { fitDdxplusModel, fullEvidence, patientFindingIds } from './ddxplus-model.js';
import { sharedDataAvailable } from './test-support.js';

const data = sharedDataAvailable('ddxplus');

describe.skipIf(!data.ok)(`DDXPlus importer and cross-validated model ${data.reason}`, { timeout: 180_000 }, () => {
  it('reads the KB (49 pathologies, 223 evidences) and the 588 patients', async () => {
    const d = await readDdxplus(data.dir);
    expect(d.conditions).toHaveLength(49);
    expect(d.evidences.size).toBe(223);
    expect(d.patients).toHaveLength(588);
    expect(d.patients.every((p) => p.evidences.includes(p.initial))).toBe(true);
  });

  it('assigns stratified folds so that no scored case is in its model’s training data', async () => {
    const d = await readDdxplus(data.dir);
    const folds = assignFolds(d.patients, 12);
    for (let fold = 0; fold < 12; fold++) {
      const test = d.patients.filter((_, i) => folds[i] === fold);
      expect(test).toHaveLength(49);
      expect(new Set(test.map((p) => p.pathology)).size).toBe(49);
    }
  });

  it('ranks held-out cases of one fold with full evidence and interactively', async () => {
    const d = await readDdxplus(data.dir);
    const folds = assignFolds(d.patients, 12);
    const model = fitDdxplusModel(
      d,
      d.patients.filter((_, i) => folds[i] !== 0),
    );
    const test = d.patients.filter((_, i) => folds[i] === 0);
    let top1 = 0;
    let interactiveTop1 = 0;
    for (const p of test) {
      const present = patientFindingIds(d, p);
      const posterior = infer(model.net, {
        evidence: fullEvidence(model, present),
        age: null,
        sex: null,
        setting: 'ed',
      });
      top1 += model.net.conditions[ranking(posterior)[0] ?? -1]?.id === p.pathology ? 1 : 0;
      const run = interactiveCase(model, present, { initial: p.initial, max: 15, stopAt: 0.99 });
      expect(run.questions).toBeLessThanOrEqual(15);
      interactiveTop1 += run.order[0] === p.pathology ? 1 : 0;
    }
    expect(top1 / test.length).toBeGreaterThan(0.9);
    expect(interactiveTop1 / test.length).toBeGreaterThan(0.8);
  });

  it('reports the bench JSON shape with fractions in 0–1 (2 folds over a subset)', async () => {
    const d = await readDdxplus(data.dir);
    const seen = new Map<string, number>();
    const patients = d.patients.filter((p) => {
      const n = seen.get(p.pathology) ?? 0;
      seen.set(p.pathology, n + 1);
      return n < 2;
    });
    const report = runDdxplusBench({ ...d, patients }, { folds: 2, maxQuestions: 2 });
    expect(report).toMatchObject({ dataset: 'ddxplus', cases: 98, folds: 2 });
    for (const v of [
      report.gtpa1,
      report.gtpa3,
      report.gtpa5,
      report.ddr,
      report.ddp,
      report.ddf1,
      report.interactive.gtpa1,
    ]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(report.gtpa1).toBeLessThanOrEqual(report.gtpa3);
    expect(report.interactive.meanQuestions).toBeLessThanOrEqual(2);
  });
});

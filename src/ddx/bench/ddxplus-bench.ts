import { infer, ranking, softmax, type EvidenceItem } from '../engine/inference.js';
import { expectedGain, gainDistribution } from '../engine/next-best.js';
import type { DdxplusData, DdxplusPatient } from './ddxplus-import.js';
import { fitDdxplusModel, fullEvidence, patientFindingIds, type DdxplusModel } from './ddxplus-model.js';

/** The DDXPlus bench report (fractions in 0–1). */
export interface DdxplusReport {
  dataset: 'ddxplus';
  cases: number;
  folds: number;
  gtpa1: number;
  gtpa3: number;
  gtpa5: number;
  ddr: number;
  ddp: number;
  ddf1: number;
  interactive: { gtpa1: number; gtpa3: number; meanQuestions: number; maxQuestions: number };
  msPerCase: number;
  msPerInteractiveCase: number;
  msLoad: number;
  /** Mean temperature chosen on the training folds for the differential (DDR/DDP); the ranking is untempered. */
  differentialTemperature: number;
  differentialThreshold: number;
}

export interface DdxplusBenchOptions {
  folds?: number;
  maxQuestions?: number;
  /** Stop asking when the top diagnosis reaches this posterior. */
  stopAt?: number;
  onProgress?: (done: number, total: number) => void;
}

const base = { age: null, sex: null, setting: 'primary-care' as const };

/** Stratified k-fold assignment: the i-th case of each pathology goes to fold i mod k. */
export function assignFolds(patients: readonly DdxplusPatient[], k: number): number[] {
  const seen = new Map<string, number>();
  return patients.map((p) => {
    const n = seen.get(p.pathology) ?? 0;
    seen.set(p.pathology, n + 1);
    return n % k;
  });
}

function topK(
  model: DdxplusModel,
  evidence: EvidenceItem[],
  temperature = 1,
): { order: string[]; prob: Map<string, number> } {
  const posterior = infer(model.net, { ...base, evidence });
  const order = ranking(posterior).map((c) => model.net.conditions[c]?.id ?? '');
  const tempered = temperature === 1 ? posterior.prob : softmax(posterior.logScore.map((v) => v / temperature));
  const prob = new Map(model.net.conditions.map((c, i) => [c.id, tempered[i] ?? 0]));
  return { order, prob };
}

function differentialScores(
  prob: ReadonlyMap<string, number>,
  p: DdxplusPatient,
  threshold: number,
): [number, number, number] {
  const predicted = new Set([...prob].filter(([, v]) => v >= threshold).map(([c]) => c));
  const gold = new Set(p.differential.filter(([, v]) => v > 0).map(([c]) => c));
  const both = [...predicted].filter((c) => gold.has(c)).length;
  const r = gold.size > 0 ? both / gold.size : 0;
  const pr = predicted.size > 0 ? both / predicted.size : 0;
  return [r, pr, r + pr > 0 ? (2 * r * pr) / (r + pr) : 0];
}

/**
 * Naive Bayes is overconfident: the predicted differential (DDR/DDP) uses a tempered posterior and a probability
 * threshold, both chosen per fold on the training cases only.
 */
const TEMPERATURES = [1, 2, 4, 8, 16, 32, 64];
const THRESHOLDS = [0.01, 0.02, 0.05, 0.1];

function chooseTemperature(
  data: DdxplusData,
  model: DdxplusModel,
  training: readonly DdxplusPatient[],
): { temperature: number; threshold: number } {
  const scores = training.map(
    (p) => infer(model.net, { ...base, evidence: fullEvidence(model, patientFindingIds(data, p)) }).logScore,
  );
  let best = { temperature: 1, threshold: 0.01 };
  let bestF1 = -1;
  for (const t of TEMPERATURES) {
    for (const threshold of THRESHOLDS) {
      const f1 = mean(
        training.map((p, i) => {
          const tempered = softmax((scores[i] ?? new Float64Array()).map((v) => v / t));
          return differentialScores(
            new Map(model.net.conditions.map((c, j) => [c.id, tempered[j] ?? 0])),
            p,
            threshold,
          )[2];
        }),
      );
      if (f1 > bestF1) {
        bestF1 = f1;
        best = { temperature: t, threshold };
      }
    }
  }
  return best;
}

/** Interactive mode: start from INITIAL_EVIDENCE (and age, sex), ask up to `max` questions by expected information gain. */
export function interactiveCase(
  model: DdxplusModel,
  present: ReadonlySet<string>,
  opts: { initial: string; max: number; stopAt: number },
): { order: string[]; questions: number } {
  const net = model.net;
  const evidence: EvidenceItem[] = model.demographicFindings.map((f) => ({
    finding: f,
    present: present.has(net.findings[f]?.id ?? ''),
  }));
  const asked = new Set<string>();
  const answer = (evidenceName: string): void => {
    asked.add(evidenceName);
    const q = model.questions.find((x) => x.evidence === evidenceName);
    for (const f of q?.findings ?? []) {
      evidence.push({ finding: f, present: present.has(net.findings[f]?.id ?? '') });
    }
  };
  answer(opts.initial.split('_@_')[0] ?? opts.initial);
  let questions = 0;
  for (; questions < opts.max; questions++) {
    const posterior = infer(net, { ...base, evidence });
    if (Math.max(...posterior.prob) >= opts.stopAt) {
      break;
    }
    const dist = gainDistribution(net, posterior, { top: 49, cantMissWeight: 1 });
    let best: string | null = null;
    let bestGain = 0;
    for (const q of model.questions) {
      if (asked.has(q.evidence) || q.findings.length === 0) {
        continue;
      }
      const gain = expectedGain(dist, q.findings.length, (c, a) => {
        const f = q.findings[a] ?? -1;
        return net.linkMap[c]?.get(f)?.p ?? net.findings[f]?.leak ?? 0;
      });
      if (gain > bestGain) {
        bestGain = gain;
        best = q.evidence;
      }
    }
    if (best === null) {
      break;
    }
    answer(best);
  }
  return { order: topK(model, evidence).order, questions };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

/**
 * Runs the DDXPlus benchmark with k-fold cross-validation: each fold's frequencies are estimated on the other folds,
 * and only the held-out fold is scored (no case is scored by a model that saw it).
 */
export function runDdxplusBench(data: DdxplusData, options: DdxplusBenchOptions = {}): DdxplusReport {
  const k = options.folds ?? 12;
  const folds = assignFolds(data.patients, k);
  const hits = { 1: 0, 3: 0, 5: 0 };
  const inter = { 1: 0, 3: 0, questions: [] as number[] };
  const ddr: number[] = [];
  const ddp: number[] = [];
  const ddf1: number[] = [];
  let msFull = 0;
  let msInteractive = 0;
  let msLoad = 0;
  let done = 0;
  const temperatures: number[] = [];
  const thresholds: number[] = [];
  for (let fold = 0; fold < k; fold++) {
    const training = data.patients.filter((_, i) => folds[i] !== fold);
    const test = data.patients.filter((_, i) => folds[i] === fold);
    const t0 = performance.now();
    const model = fitDdxplusModel(data, training);
    msLoad += performance.now() - t0;
    const { temperature, threshold } = chooseTemperature(data, model, training);
    temperatures.push(temperature);
    thresholds.push(threshold);
    for (const p of test) {
      const present = patientFindingIds(data, p);
      const t1 = performance.now();
      const { order, prob } = topK(model, fullEvidence(model, present), temperature);
      msFull += performance.now() - t1;
      const rank = order.indexOf(p.pathology);
      hits[1] += rank === 0 ? 1 : 0;
      hits[3] += rank >= 0 && rank < 3 ? 1 : 0;
      hits[5] += rank >= 0 && rank < 5 ? 1 : 0;
      const [r, pr, f1] = differentialScores(prob, p, threshold);
      ddr.push(r);
      ddp.push(pr);
      ddf1.push(f1);
      const t2 = performance.now();
      const run = interactiveCase(model, present, {
        initial: p.initial,
        max: options.maxQuestions ?? 15,
        stopAt: options.stopAt ?? 0.99,
      });
      msInteractive += performance.now() - t2;
      const irank = run.order.indexOf(p.pathology);
      inter[1] += irank === 0 ? 1 : 0;
      inter[3] += irank >= 0 && irank < 3 ? 1 : 0;
      inter.questions.push(run.questions);
      done++;
      options.onProgress?.(done, data.patients.length);
    }
  }
  const n = data.patients.length;
  return {
    dataset: 'ddxplus',
    cases: n,
    folds: k,
    gtpa1: round(hits[1] / n),
    gtpa3: round(hits[3] / n),
    gtpa5: round(hits[5] / n),
    ddr: round(mean(ddr)),
    ddp: round(mean(ddp)),
    ddf1: round(mean(ddf1)),
    interactive: {
      gtpa1: round(inter[1] / n),
      gtpa3: round(inter[3] / n),
      meanQuestions: round(mean(inter.questions)),
      maxQuestions: options.maxQuestions ?? 15,
    },
    msPerCase: round(msFull / n),
    msPerInteractiveCase: round(msInteractive / n),
    msLoad: round(msLoad / k),
    differentialTemperature: round(mean(temperatures)),
    differentialThreshold: round(mean(thresholds)),
  };
}

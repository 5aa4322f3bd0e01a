import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { DifferentialItem } from '../contract.js';
import type { DdxEngine } from '../engine.js';
import type { GoldAnswer } from './semigran-gold.js';

/** A vignette bench report (fractions in 0–1). */
export interface VignetteReport {
  dataset: string;
  cases: number;
  top1: number;
  top3: number;
  top10: number;
  /** Steady-state time per case (text parsing, inference, ranking), second pass. */
  msPerCase: number;
  /** Time per case in the first pass, JIT warm-up included. */
  msFirstPass: number;
  knowledgeVersion: string;
  conditions: number;
  /** Per case: gold, the rank of the first correct diagnosis (null when not in the top 10) and the top 3 names. */
  details: { diagnosis: string; rank: number | null; top3: string[] }[];
}

const VignetteSchema = z.object({ case_description: z.string(), correct_diagnosis: z.string() }).loose();

/** Reads a JSONL file of vignettes (`case_description`, `correct_diagnosis`). */
export async function readVignettes(file: string): Promise<{ text: string; diagnosis: string }[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('VITALIS_NOT_FOUND', `vignette file not found: ${file}`, { cause: err });
  }
  return raw
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const v = VignetteSchema.parse(JSON.parse(l));
      return { text: v.case_description, diagnosis: v.correct_diagnosis };
    });
}

/** True when a differential item matches a gold answer by ICD-10 category or by name. */
export function matchesGold(item: Pick<DifferentialItem, 'icd10' | 'name'>, gold: GoldAnswer): boolean {
  if (item.icd10.some((code) => gold.icd10.includes(code.slice(0, 3)))) {
    return true;
  }
  const name = item.name.toLowerCase();
  return gold.names.some((n) => name.includes(n));
}

/** Runs vignettes through the free-text path of an engine and scores top-1/3/10 against the gold answers. */
export function runVignetteBench(
  engine: DdxEngine,
  cases: readonly { text: string; diagnosis: string }[],
  options: { dataset: string; gold: readonly GoldAnswer[] },
): VignetteReport {
  if (options.gold.length !== cases.length) {
    throw new AppError(
      'VITALIS_CONFIG',
      `gold mapping has ${options.gold.length} answers for ${cases.length} vignettes`,
    );
  }
  const details: VignetteReport['details'] = [];
  let ms = 0;
  cases.forEach((c, i) => {
    const gold = options.gold[i];
    const t0 = performance.now();
    const result = engine.diagnoseText(c.text, { limit: 10, nextBest: 0 });
    ms += performance.now() - t0;
    const index = gold ? result.differential.findIndex((d) => matchesGold(d, gold)) : -1;
    details.push({
      diagnosis: c.diagnosis.split('\n')[0] ?? c.diagnosis,
      rank: index >= 0 ? index + 1 : null,
      top3: result.differential.slice(0, 3).map((d) => d.name),
    });
  });
  const n = cases.length;
  // A second, timed pass measures the steady state (the first includes JIT warm-up; both are reported).
  const t1 = performance.now();
  for (const c of cases) {
    engine.diagnoseText(c.text, { limit: 10, nextBest: 0 });
  }
  const steady = performance.now() - t1;
  const within = (k: number): number =>
    Math.round((details.filter((d) => d.rank !== null && d.rank <= k).length / n) * 10000) / 10000;
  return {
    dataset: options.dataset,
    cases: n,
    top1: within(1),
    top3: within(3),
    top10: within(10),
    msPerCase: Math.round((steady / n) * 1000) / 1000,
    msFirstPass: Math.round((ms / n) * 1000) / 1000,
    knowledgeVersion: engine.kb.version,
    conditions: engine.kb.counts.conditions,
    details,
  };
}

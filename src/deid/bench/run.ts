import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeidEngine } from '../engine.js';
import { SurrogateGenerator } from '../surrogates.js';
import { applySpans } from '../transform.js';
import { loadAsqPhi, loadPresidio } from './corpora.js';
import { Scorer, type BenchDoc, type CategoryScore, type Leak } from './metrics.js';
import { generateNoteCorpus } from './note-corpus.js';

/** The shared data folder next to the repository (`../shared/data`), resolved from this file. */
export function defaultSharedDataDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
}

/** Scores of one corpus. */
export interface CorpusReport {
  docs: number;
  scores: Record<string, CategoryScore>;
  overRedaction: { phiFreeDocs: number; redacted: number; rate: number } | null;
  leakCount: number;
  leaks: Leak[];
  /** Leaks of the categories that must never leak (SSN, MRN, phone, email). */
  criticalLeaks: number;
}

/** The whole benchmark report. */
export interface DeidBenchReport {
  corpora: Record<string, CorpusReport>;
  speed: {
    notes: number;
    meanNoteChars: number;
    /** Notes per CPU-second of one core (best of 3 rounds). */
    notesPerSecond: number;
    notesPerSecondWall: number;
    p50Ms2KB: number;
    p95Ms2KB: number;
    /** 1-minute load average when measured (wall-clock figures suffer when it exceeds the cores). */
    loadAverage: number;
  };
  targets: Record<string, { target: string; value: number; pass: boolean }>;
  notes: string[];
}

function evaluate(engine: DeidEngine, docs: readonly BenchDoc[], maxLeaks: number): CorpusReport {
  const s = new Scorer();
  for (const d of docs) {
    s.add(d, engine.detect(d.text));
  }
  const critical = s.leaks.filter((l) => ['SSN', 'MRN', 'PHONE', 'EMAIL'].includes(l.category)).length;
  return {
    docs: docs.length,
    scores: s.scores(),
    overRedaction:
      s.hardNegatives > 0
        ? {
            phiFreeDocs: s.hardNegatives,
            redacted: s.overRedacted,
            rate: Math.round((s.overRedacted / s.hardNegatives) * 10_000) / 10_000,
          }
        : null,
    leakCount: s.leaks.length,
    leaks: s.leaks.slice(0, maxLeaks),
    criticalLeaks: critical,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return Math.round(v * 100) / 100;
}

function speed(engine: DeidEngine, notes: readonly BenchDoc[]): DeidBenchReport['speed'] {
  const secret = Buffer.alloc(32, 7);
  const run = (text: string): void => {
    applySpans(text, engine.detect(text), { mode: 'surrogate', surrogates: new SurrogateGenerator(secret, 'bench') });
  };
  for (const n of notes.slice(0, 10)) {
    run(n.text); // warm-up
  }
  // Per core: CPU time of this process (user + system), best of three rounds, so other load on the machine does not count.
  let best = Infinity;
  let wall = Infinity;
  for (let round = 0; round < 3; round++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const n of notes) {
      run(n.text);
    }
    const cpu = process.cpuUsage(cpu0);
    best = Math.min(best, (cpu.user + cpu.system) / 1e6);
    wall = Math.min(wall, (performance.now() - t0) / 1000);
  }
  const times: number[] = [];
  for (const n of notes) {
    const text = n.text.slice(0, 2048);
    const s = performance.now();
    run(text);
    times.push(performance.now() - s);
  }
  const chars = notes.reduce((a, n) => a + n.text.length, 0);
  return {
    notes: notes.length,
    meanNoteChars: Math.round(chars / Math.max(1, notes.length)),
    notesPerSecond: Math.round(notes.length / Math.max(best, 1e-9)),
    notesPerSecondWall: Math.round(notes.length / Math.max(wall, 1e-9)),
    p50Ms2KB: percentile(times, 50),
    p95Ms2KB: percentile(times, 95),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

/** Runs the de-identification benchmark on ASQ-PHI (dev), presidio-synth v2 and generated demo notes. */
export function runDeidBench(options: {
  dataDir: string;
  notes: number;
  maxLeaks: number;
  seed?: number;
  onProgress?: (message: string) => void;
}): Promise<DeidBenchReport> {
  const engine = new DeidEngine();
  const corpora: Record<string, CorpusReport> = {};
  const log = options.onProgress ?? ((): void => undefined);
  log('ASQ-PHI dev sample');
  corpora['asq-phi-dev'] = evaluate(engine, loadAsqPhi(options.dataDir), options.maxLeaks);
  log('presidio-synth-v2');
  corpora['presidio-synth-v2'] = evaluate(engine, loadPresidio(options.dataDir), options.maxLeaks);
  log(`generating ${options.notes} notes from demo patients`);
  const generated = generateNoteCorpus({ notes: options.notes, seed: options.seed ?? 20_260_601 });
  corpora['generated-notes'] = evaluate(engine, generated.notes, options.maxLeaks);
  corpora['demo-clinical-bodies-phi-free'] = evaluate(engine, generated.phiFree, options.maxLeaks);
  log('speed');
  const sp = speed(engine, generated.notes);
  const asq = corpora['asq-phi-dev'];
  const gen = corpora['generated-notes'];
  const recallOf = (c: CorpusReport | undefined): number => c?.scores['ALL']?.relaxed.recall ?? 0;
  const leakFreeOf = (c: CorpusReport | undefined): number => c?.scores['ALL']?.leakFreeRecall ?? 0;
  const precisionOf = (c: CorpusReport | undefined): number => c?.scores['ALL']?.relaxed.precision ?? 0;
  const critical = Object.values(corpora).reduce((a, c) => a + c.criticalLeaks, 0);
  const targets: DeidBenchReport['targets'] = {
    'asq recall (leak-free)': { target: '>= 0.995', value: leakFreeOf(asq), pass: leakFreeOf(asq) >= 0.995 },
    'asq relaxed recall': { target: '>= 0.995', value: recallOf(asq), pass: recallOf(asq) >= 0.995 },
    'asq relaxed precision': { target: '>= 0.90', value: precisionOf(asq), pass: precisionOf(asq) >= 0.9 },
    'notes recall (leak-free)': { target: '>= 0.995', value: leakFreeOf(gen), pass: leakFreeOf(gen) >= 0.995 },
    'notes relaxed precision': { target: '>= 0.90', value: precisionOf(gen), pass: precisionOf(gen) >= 0.9 },
    'asq over-redaction of hard negatives': {
      target: '<= 0.15',
      value: asq?.overRedaction?.rate ?? 1,
      pass: (asq?.overRedaction?.rate ?? 1) <= 0.15,
    },
    'leaked SSN/MRN/phone/email (all corpora)': { target: '0', value: critical, pass: critical === 0 },
    'notes per second (one core)': { target: '>= 200', value: sp.notesPerSecond, pass: sp.notesPerSecond >= 200 },
    'p95 ms for 2 KB': { target: '<= 50', value: sp.p95Ms2KB, pass: sp.p95Ms2KB <= 50 },
  };
  return Promise.resolve({
    corpora,
    speed: sp,
    targets,
    notes: [
      'Recall is per gold category and category-agnostic (a PHI span counts as found when any detection covers it).',
      'leakFreeRecall counts a span as found only when every letter/digit is covered, ignoring titles, prepositions and generic site words (Dr, in, clinic).',
      'Presidio TITLE, NRP and AGE < 90 spans are ignored (not PHI under Safe Harbor); presidio is general-domain and international.',
      'ASQ-PHI is the 30 % dev sample that was looked at during development; its numbers flatter the engine. The generated notes use name lists separate from the detector dictionaries.',
      'Over-redaction: share of PHI-free documents with at least one detection.',
    ],
  });
}

/** A short human-readable summary of the report. */
export function formatDeidBench(report: DeidBenchReport): string {
  const lines: string[] = [];
  for (const [name, c] of Object.entries(report.corpora)) {
    lines.push(
      `${name} (${c.docs} docs)${c.overRedaction ? `  over-redaction ${(c.overRedaction.rate * 100).toFixed(1)} %` : ''}  leaks ${c.leakCount} (critical ${c.criticalLeaks})`,
    );
    for (const [cat, s] of Object.entries(c.scores)) {
      lines.push(
        `  ${cat.padEnd(9)} n=${String(s.gold).padStart(5)}  strict R ${s.strict.recall.toFixed(3)} P ${s.strict.precision.toFixed(3)} F1 ${s.strict.f1.toFixed(3)}   relaxed R ${s.relaxed.recall.toFixed(3)} P ${s.relaxed.precision.toFixed(3)} F1 ${s.relaxed.f1.toFixed(3)}   leak-free R ${s.leakFreeRecall.toFixed(3)}`,
      );
    }
  }
  const sp = report.speed;
  lines.push(
    `speed: ${sp.notesPerSecond} notes per CPU-second (${sp.notesPerSecondWall}/s wall; mean ${sp.meanNoteChars} chars), 2 KB p50 ${sp.p50Ms2KB} ms p95 ${sp.p95Ms2KB} ms (load average ${sp.loadAverage})`,
  );
  for (const [name, t] of Object.entries(report.targets)) {
    lines.push(`  [${t.pass ? 'pass' : 'FAIL'}] ${name}: ${t.value} (target ${t.target})`);
  }
  return lines.join('\n');
}

import type { PhiCategory, PhiSpan } from '../types.js';

/** Coarse categories used to compare corpora with different label sets. */
export type BenchCategory =
  'NAME' | 'DATE' | 'AGE' | 'PHONE' | 'EMAIL' | 'SSN' | 'MRN' | 'ID' | 'URL_IP' | 'LOCATION' | 'OTHER';

/** A gold span; `ignore` spans are neither required nor counted as false positives (e.g. presidio TITLE, NRP). */
export interface GoldSpan {
  start: number;
  end: number;
  category: BenchCategory;
  ignore?: boolean;
}

/** One evaluation document. */
export interface BenchDoc {
  id: string;
  text: string;
  gold: GoldSpan[];
  /** PHI-free text built to look PHI-like (counts towards over-redaction). */
  hardNegative?: boolean;
}

/** Maps an engine category to a bench category. */
export function coarse(category: PhiCategory): BenchCategory {
  switch (category) {
    case 'NAME':
    case 'USERNAME':
      return 'NAME';
    case 'DATE':
      return 'DATE';
    case 'AGE':
      return 'AGE';
    case 'PHONE':
    case 'FAX':
      return 'PHONE';
    case 'EMAIL':
      return 'EMAIL';
    case 'SSN':
      return 'SSN';
    case 'MRN':
      return 'MRN';
    case 'HEALTH_PLAN':
    case 'ACCOUNT':
    case 'LICENSE':
    case 'VEHICLE':
    case 'DEVICE':
    case 'ID':
      return 'ID';
    case 'URL':
    case 'IP':
      return 'URL_IP';
    case 'ADDRESS':
    case 'ZIP':
    case 'CITY':
    case 'STATE':
    case 'LOCATION':
    case 'ORGANIZATION':
      return 'LOCATION';
    case 'PROFESSION':
      return 'OTHER';
  }
}

/** Words inside gold spans that identify no one when left visible (titles, prepositions, generic site words). */
const NON_IDENTIFYING: ReadonlySet<string> = new Set(
  'dr mr mrs ms miss prof in at of the and on near patient id clinic hospital center centre medical health'.split(' '),
);

interface Counts {
  gold: number;
  strictHit: number;
  relaxedHit: number;
  fullyCovered: number;
  pred: number;
  predStrict: number;
  predRelaxed: number;
}

/** Per-category scores: strict = exact span, relaxed = any overlap; `leakFreeRecall` counts a gold span as found
 * only when every letter and digit of it is covered. */
export interface CategoryScore {
  gold: number;
  predicted: number;
  strict: { recall: number; precision: number; f1: number };
  relaxed: { recall: number; precision: number; f1: number };
  leakFreeRecall: number;
}

/** One leaked gold span (some letter or digit not covered by any detection). */
export interface Leak {
  doc: string;
  category: BenchCategory;
  text: string;
  leftover: string;
}

/** Accumulates scores over documents. */
export class Scorer {
  private readonly counts = new Map<BenchCategory, Counts>();
  readonly leaks: Leak[] = [];
  hardNegatives = 0;
  overRedacted = 0;
  docs = 0;

  private get(c: BenchCategory): Counts {
    let v = this.counts.get(c);
    if (!v) {
      v = { gold: 0, strictHit: 0, relaxedHit: 0, fullyCovered: 0, pred: 0, predStrict: 0, predRelaxed: 0 };
      this.counts.set(c, v);
    }
    return v;
  }

  /** Scores one document's predictions. */
  add(doc: BenchDoc, predicted: readonly PhiSpan[]): void {
    this.docs++;
    const covered = new Uint8Array(doc.text.length);
    for (const p of predicted) {
      covered.fill(1, p.start, p.end);
    }
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
      a.start < b.end && b.start < a.end;
    for (const g of doc.gold) {
      if (g.ignore) {
        continue;
      }
      const c = this.get(g.category);
      c.gold++;
      if (predicted.some((p) => p.start === g.start && p.end === g.end)) {
        c.strictHit++;
      }
      if (predicted.some((p) => overlaps(p, g))) {
        c.relaxedHit++;
      }
      let leftover = '';
      for (const w of doc.text.slice(g.start, g.end).matchAll(/[\p{L}\p{N}]+/gu)) {
        const from = g.start + w.index;
        let left = '';
        for (let k = 0; k < w[0].length; k++) {
          if (covered[from + k] === 0) {
            left += w[0].charAt(k);
          }
        }
        if (left !== '' && !NON_IDENTIFYING.has(w[0].toLowerCase())) {
          leftover += (leftover === '' ? '' : ' ') + left;
        }
      }
      if (leftover === '') {
        c.fullyCovered++;
      } else {
        this.leaks.push({ doc: doc.id, category: g.category, text: doc.text.slice(g.start, g.end), leftover });
      }
    }
    for (const p of predicted) {
      if (doc.gold.some((g) => g.ignore && overlaps(p, g)) && !doc.gold.some((g) => !g.ignore && overlaps(p, g))) {
        continue;
      }
      const c = this.get(coarse(p.category));
      c.pred++;
      if (doc.gold.some((g) => !g.ignore && g.start === p.start && g.end === p.end)) {
        c.predStrict++;
      }
      if (doc.gold.some((g) => !g.ignore && overlaps(p, g))) {
        c.predRelaxed++;
      }
    }
    if (doc.hardNegative) {
      this.hardNegatives++;
      if (predicted.length > 0) {
        this.overRedacted++;
      }
    }
  }

  /** Scores per category plus an "ALL" row. */
  scores(): Record<string, CategoryScore> {
    const out: Record<string, CategoryScore> = {};
    const total: Counts = {
      gold: 0,
      strictHit: 0,
      relaxedHit: 0,
      fullyCovered: 0,
      pred: 0,
      predStrict: 0,
      predRelaxed: 0,
    };
    const rows = [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b));
    for (const [cat, c] of rows) {
      out[cat] = score(c);
      for (const k of Object.keys(total) as (keyof Counts)[]) {
        total[k] += c[k];
      }
    }
    out['ALL'] = score(total);
    return out;
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : Math.round((a / b) * 10_000) / 10_000);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : Math.round(((2 * p * r) / (p + r)) * 10_000) / 10_000);

function score(c: Counts): CategoryScore {
  const sr = ratio(c.strictHit, c.gold);
  const sp = ratio(c.predStrict, c.pred);
  const rr = ratio(c.relaxedHit, c.gold);
  const rp = ratio(c.predRelaxed, c.pred);
  return {
    gold: c.gold,
    predicted: c.pred,
    strict: { recall: sr, precision: sp, f1: f1(sp, sr) },
    relaxed: { recall: rr, precision: rp, f1: f1(rp, rr) },
    leakFreeRecall: ratio(c.fullyCovered, c.gold),
  };
}

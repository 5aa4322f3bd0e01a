import { tokenize } from '../tokens.js';
import type { Candidate, DetectInput, Detector, KnownIdentifiers } from '../types.js';

/** Damerau-free Levenshtein distance, capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) {
    return max + 1;
  }
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) {
      return max + 1;
    }
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

interface Compiled {
  nameTokens: Set<string>;
  initials: RegExp | null;
  literals: { value: string; category: Candidate['category'] }[];
  digitIds: Map<string, Candidate['category']>;
}

const cache = new WeakMap<KnownIdentifiers, Compiled>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(known: KnownIdentifiers): Compiled {
  const hit = cache.get(known);
  if (hit) {
    return hit;
  }
  const nameTokens = new Set<string>();
  const initialSets: string[] = [];
  const ordered: string[] = [];
  for (const name of known.names) {
    for (const t of tokenize(name)) {
      if (t.norm.length >= 2) {
        nameTokens.add(t.norm);
        if (!ordered.includes(t.raw)) {
          ordered.push(t.raw);
        }
      }
    }
  }
  const letters = ordered.map((w) => w.charAt(0).toUpperCase());
  const firstLast = letters.length >= 2 ? [letters[0] ?? '', letters[letters.length - 1] ?? ''] : [];
  for (const set of [letters, firstLast]) {
    if (set.length >= 2 && set.length <= 4) {
      initialSets.push(set.map((l) => `${escape(l)}\\.?\\s?`).join(''));
    }
  }
  const initials =
    initialSets.length > 0 ? new RegExp(`(?<![\\p{L}.])(?:${initialSets.join('|')})(?![\\p{L}])`, 'gu') : null;
  const literals: Compiled['literals'] = [
    ...known.addresses.filter((a) => a.trim().length >= 4).map((value) => ({ value, category: 'ADDRESS' as const })),
    ...known.emails.map((value) => ({ value, category: 'EMAIL' as const })),
    ...known.ids.filter((v) => v.length >= 3).map((value) => ({ value, category: 'MRN' as const })),
  ];
  const digitIds = new Map<string, Candidate['category']>();
  for (const [values, category] of [
    [known.phones, 'PHONE'],
    [known.ids, 'MRN'],
  ] as const) {
    for (const v of values) {
      const digits = v.replace(/\D/g, '');
      if (digits.length >= 4) {
        digitIds.set(digits, category);
      }
    }
  }
  const compiled = { nameTokens, initials, literals, digitIds };
  cache.set(known, compiled);
  return compiled;
}

/** The patient's own identifiers (names with misspellings and initials, MRN, address, phone, email) wherever they appear. */
export const knownDetector: Detector = {
  name: 'known',
  detect(input: DetectInput): Candidate[] {
    const { text, known } = input;
    if (!known) {
      return [];
    }
    const c = compile(known);
    const out: Candidate[] = [];
    for (const t of tokenize(text)) {
      const norm = t.norm.replace(/s$/, '');
      if (t.norm.length < 2) {
        continue;
      }
      let hit = c.nameTokens.has(t.norm) || c.nameTokens.has(norm);
      if (!hit && t.norm.length >= 5 && (t.cap || t.upper)) {
        for (const n of c.nameTokens) {
          if (n.length >= 5 && editDistance(t.norm, n, n.length >= 9 ? 2 : 1) <= (n.length >= 9 ? 2 : 1)) {
            hit = true;
            break;
          }
        }
      }
      if (hit && (t.cap || t.upper || t.norm.length >= 4)) {
        out.push({ start: t.start, end: t.end, category: 'NAME', score: 0.97, source: 'known' });
      }
    }
    if (c.initials) {
      for (const m of text.matchAll(c.initials)) {
        const raw = m[0].replace(/\s+$/, '');
        if (raw.replace(/[^A-Z]/g, '').length >= 2) {
          out.push({ start: m.index, end: m.index + raw.length, category: 'NAME', score: 0.9, source: 'known' });
        }
      }
    }
    const lower = text.toLowerCase();
    for (const lit of c.literals) {
      const needle = lit.value.toLowerCase();
      for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
        out.push({ start: at, end: at + needle.length, category: lit.category, score: 0.97, source: 'known' });
      }
    }
    if (c.digitIds.size > 0) {
      for (const m of text.matchAll(/\(?\d(?:[\s().-]{0,2}\d)+/g)) {
        const category = c.digitIds.get(m[0].replace(/\D/g, ''));
        if (category) {
          out.push({ start: m.index, end: m.index + m[0].length, category, score: 0.95, source: 'known' });
        }
      }
    }
    return out;
  },
};

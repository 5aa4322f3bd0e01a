import { KNOWN_SITES, ORG_HEADS, ORG_OPENERS } from '../dictionaries/org-words.js';
import { sentenceInitial, type Token } from '../tokens.js';
import type { Candidate } from '../types.js';
import { add, capWord } from './location-helpers.js';

const GENERIC_LEADS: ReadonlySet<string> = new Set([
  'the',
  'our',
  'this',
  'that',
  'a',
  'an',
  'local',
  'any',
  'same',
  'outside',
  'other',
  'nearby',
]);

const HEAD_PARTS = new Map<string, string[][]>();
for (const h of ORG_HEADS) {
  const parts = h.split(' ').map((p) => p.replace(/['’]s$/, '').replace(/['’.]/g, ''));
  const list = HEAD_PARTS.get(parts[0] ?? '') ?? [];
  list.push(parts);
  list.sort((a, b) => b.length - a.length);
  HEAD_PARTS.set(parts[0] ?? '', list);
}

/** Length in tokens of an organization head starting at token i (0 when none). */
function headAt(tokens: readonly Token[], i: number): number {
  for (const parts of HEAD_PARTS.get(tokens[i]?.norm ?? '') ?? []) {
    if (parts.every((p, k) => tokens[i + k]?.norm === p)) {
      return parts.length;
    }
  }
  return 0;
}

/** Hospitals and other organizations: capitalized words before a head noun ("Methodist Hospital"), "University of
 * X", openers ("St. Vincent's", "Mount Sinai") and well-known site names. */
export function organizations(text: string, tokens: readonly Token[], out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !(t.cap || t.upper)) {
      continue;
    }
    const headLen = headAt(tokens, i);
    if (headLen > 0 && (tokens[i]?.cap || tokens[i]?.upper)) {
      // Walk back over capitalized words (and "of", "and", "&") joined by single spaces.
      let from = i;
      while (from > 0) {
        const prev = tokens[from - 1];
        const cur = tokens[from];
        const gap = prev && cur ? text.slice(prev.end, cur.start) : '';
        const okGap =
          /^[ \t]{1,2}$|^[ \t]?&[ \t]?$|^-$/.test(gap) ||
          (prev !== undefined && ORG_OPENERS.has(prev.norm) && /^\.?[ \t]$/.test(gap));
        if (!prev || !cur || !okGap) {
          break;
        }
        if (capWord(prev) || (['of', 'and', 'the'].includes(prev.norm) && capWord(tokens[from - 2]))) {
          from--;
          continue;
        }
        break;
      }
      while (
        from < i &&
        (['the', 'of', 'and'].includes(tokens[from]?.norm ?? '') ||
          (/(?:ed|ing)$/.test(tokens[from]?.norm ?? '') && from + 1 < i && sentenceInitial(text, tokens[from] ?? t)))
      ) {
        from++;
      }
      const lead = tokens[from];
      const last = tokens[i + headLen - 1];
      // "X Hospital" needs a name word before the head; "University of X" needs one after it.
      let end = last?.end ?? t.end;
      const of = tokens[i + headLen];
      const ofTarget = tokens[i + headLen + 1];
      if (of?.norm === 'of' && capWord(ofTarget) && ofTarget) {
        let j = i + headLen + 1;
        while (capWord(tokens[j + 1]) && /^ $/.test(text.slice(tokens[j]?.end ?? 0, tokens[j + 1]?.start ?? 0))) {
          j++;
        }
        end = tokens[j]?.end ?? end;
      }
      if (lead && (from < i || end > (last?.end ?? 0))) {
        const leadCommon = from < i && tokens.slice(from, i).every((x) => GENERIC_LEADS.has(x.norm));
        if (!leadCommon || end > (last?.end ?? 0)) {
          add(out, { start: lead.start, end, category: 'ORGANIZATION', score: 0.85 });
        }
      }
      i += headLen - 1;
      continue;
    }
    if (ORG_OPENERS.has(t.norm)) {
      const next = tokens[i + 1];
      if (
        next &&
        capWord(next) &&
        /^\.?\s{1,2}$/.test(text.slice(t.end, next.start)) &&
        !/\d\s+\S+\s*$/.test(text.slice(Math.max(0, t.start - 12), t.start))
      ) {
        let j = i + 1;
        while (capWord(tokens[j + 1]) && /^\s$/.test(text.slice(tokens[j]?.end ?? 0, tokens[j + 1]?.start ?? 0))) {
          j++;
        }
        const endTok = tokens[j];
        if (endTok) {
          add(out, { start: t.start, end: endTok.end, category: 'ORGANIZATION', score: 0.8 });
        }
      }
    }
  }
  const lower = text.toLowerCase();
  for (const site of KNOWN_SITES) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(site, from);
      if (at < 0) {
        break;
      }
      from = at + site.length;
      const before = text.charAt(at - 1);
      const after = text.charAt(at + site.length);
      const first = text.charAt(at);
      if (/[\p{L}\d]/u.test(before) || /[\p{L}\d]/u.test(after) || first !== first.toUpperCase()) {
        continue;
      }
      add(out, { start: at, end: at + site.length, category: 'ORGANIZATION', score: 0.8 });
    }
  }
}

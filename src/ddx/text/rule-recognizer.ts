import type { FindingRecognizer, RecognitionResult, RecognizedFinding } from '../contract.js';
import { findingsFromMeasurement, predicateIndex } from '../chart/measurements.js';
import type { FindingDef } from '../kb/schema.js';
import { postNegated, tokenContexts } from './context.js';
import { NEGATED_FORMS } from './abbreviations.js';
import { Lexicon, phraseTokens } from './lexicon.js';
import { STOPWORDS, tokenize, type Token } from './normalize.js';
import { extractDemographicsWithSpan, extractDurations, extractMeasurements, type TextSpan } from './values.js';

type Temporality = RecognizedFinding['temporality'];

function better(a: RecognizedFinding, b: RecognizedFinding): RecognizedFinding {
  const rank = (f: RecognizedFinding): number =>
    (f.temporality === 'current' ? 2 : f.temporality === 'past' ? 1 : 0) + (f.present ? 4 : 0);
  return rank(b) > rank(a) ? b : a;
}

/**
 * The rule-based concept recognizer: KB synonyms (longest match, word-order tolerant), NegEx-style negation with
 * lists of pertinent negatives, family and past history scopes, vital signs and lab values checked against the KB's
 * value predicates, and the age and sex the text states.
 */
export class RuleRecognizer implements FindingRecognizer {
  readonly id = 'rules';
  private readonly lexicon: Lexicon;
  private readonly labels: Map<string, string>;
  private readonly byLoinc: Map<string, FindingDef[]>;
  private readonly durationFindings: FindingDef[];
  private readonly kinds: Map<string, string>;

  constructor(findings: readonly FindingDef[]) {
    this.lexicon = new Lexicon(findings.map((f) => ({ id: f.id, phrases: [f.label, ...f.synonyms] })));
    this.labels = new Map(findings.map((f) => [f.id, f.label]));
    this.byLoinc = predicateIndex(findings);
    this.durationFindings = findings.filter((f) => f.duration);
    this.kinds = new Map(findings.map((f) => [f.id, f.kind]));
  }

  recognize(text: string): Promise<RecognitionResult> {
    return Promise.resolve(this.recognizeSync(text));
  }

  /** The synchronous core of `recognize` (the benchmarks call it directly). */
  recognizeSync(text: string): RecognitionResult & { demographicsSpan: TextSpan | null } {
    const found = new Map<string, RecognizedFinding>();
    const add = (f: RecognizedFinding): void => {
      const prior = found.get(f.id);
      found.set(f.id, prior ? better(prior, f) : f);
    };
    this.phrases(text, add);
    for (const tm of extractMeasurements(text)) {
      for (const { finding, present } of findingsFromMeasurement(this.byLoinc, tm.measurement)) {
        add({
          id: finding.id,
          label: finding.label,
          present,
          source: { kind: 'text', start: tm.start, end: tm.end, text: tm.text },
          temporality: 'current',
        });
      }
    }
    this.durations(text, { add, named: [...found.values()] });
    const { demographics, span } = extractDemographicsWithSpan(text);
    return { findings: [...found.values()], demographics, demographicsSpan: span };
  }

  /**
   * True when the duration belongs to a history item or risk factor named just before it in its clause ("diabetic
   * for 10 years", "smoked for 30 years"): it dates the background, not the illness.
   */
  private backgroundDuration(text: string, d: { start: number }, named: readonly RecognizedFinding[]): boolean {
    let nearest: RecognizedFinding | null = null;
    let nearestEnd = -1;
    for (const f of named) {
      const end = f.source.kind === 'text' ? f.source.end : -1;
      if (end <= d.start && end > nearestEnd && !/[.;,:\n]/.test(text.slice(end, d.start))) {
        nearest = f;
        nearestEnd = end;
      }
    }
    const kind = nearest ? this.kinds.get(nearest.id) : undefined;
    return (kind === 'history' || kind === 'risk-factor') && nearest?.temporality !== 'family';
  }

  private durations(text: string, opts: { add: (f: RecognizedFinding) => void; named: RecognizedFinding[] }): void {
    const { add, named } = opts;
    if (this.durationFindings.length === 0) {
      return;
    }
    const illness = extractDurations(text).filter((d) => !this.backgroundDuration(text, d, named));
    const longest = illness.reduce<ReturnType<typeof extractDurations>[number] | null>(
      (best, d) => (best === null || d.days > best.days ? d : best),
      null,
    );
    if (!longest) {
      return;
    }
    for (const f of this.durationFindings) {
      const rule = f.duration;
      if (!rule) {
        continue;
      }
      add({
        id: f.id,
        label: f.label,
        present: rule.op === '>=' ? longest.days >= rule.days : longest.days < rule.days,
        source: { kind: 'text', start: longest.start, end: longest.end, text: longest.text },
        temporality: 'current',
      });
    }
  }

  private negatedForms(text: string, tokens: readonly Token[], add: (f: RecognizedFinding) => void): void {
    for (const t of tokens) {
      const target = NEGATED_FORMS[t.raw];
      if (target === undefined) {
        continue;
      }
      for (const id of this.lexicon.exact(phraseTokens(target))) {
        add({
          id,
          label: this.labels.get(id) ?? id,
          present: false,
          source: { kind: 'text', start: t.start, end: t.end, text: text.slice(t.start, t.end) },
          temporality: 'current',
        });
      }
    }
  }

  private phrases(text: string, add: (f: RecognizedFinding) => void): void {
    const tokens = tokenize(text, { expand: true });
    const ctx = tokenContexts(text, tokens);
    const content: number[] = [];
    tokens.forEach((t, i) => {
      if (!STOPWORDS.has(t.norm)) {
        content.push(i);
      }
    });
    const breaks = new Set<number>();
    content.forEach((orig, k) => {
      if (ctx[orig]?.clauseStart) {
        breaks.add(k);
      }
    });
    const norms = content.map((i) => tokens[i]?.norm ?? '');
    const matches = this.lexicon.match(norms, breaks);
    for (const match of [...matches]) {
      // Coordination: "leg pain and swelling" also names "leg swelling" (the head word is shared).
      const conj = tokens[(content[match.last] ?? 0) + 1]?.raw;
      const next = content.indexOf((content[match.last] ?? 0) + 2, match.last);
      if (!match.loose && match.last > match.first && (conj === 'and' || conj === 'or') && next >= 0) {
        const shared = [...norms.slice(match.first, match.last), norms[next] ?? ''];
        for (const finding of this.lexicon.exact(shared)) {
          matches.push({ finding, first: match.first, last: next, loose: true });
        }
      }
    }
    this.negatedForms(text, tokens, add);
    for (const match of matches) {
      const first = content[match.first] ?? 0;
      const last = content[match.last] ?? 0;
      const c = ctx[first];
      const startTok = tokens[first];
      const endTok = tokens[last];
      if (!c || !startTok || !endTok || c.uncertain) {
        continue;
      }
      const negated = c.negated || postNegated(tokens, last, ctx);
      const temporality: Temporality = c.family ? 'family' : c.past ? 'past' : 'current';
      // "Father had a heart attack": a KB finding named "family history of heart attack" carries it as is.
      const familyIds = c.family
        ? this.lexicon.exact(['family', 'history', ...norms.slice(match.first, match.last + 1)])
        : [];
      for (const id of familyIds) {
        add({
          id,
          label: this.labels.get(id) ?? id,
          present: !negated,
          source: {
            kind: 'text',
            start: startTok.start,
            end: endTok.end,
            text: text.slice(startTok.start, endTok.end),
          },
          temporality: 'current',
        });
      }
      add({
        id: match.finding,
        label: this.labels.get(match.finding) ?? match.finding,
        present: !negated,
        source: { kind: 'text', start: startTok.start, end: endTok.end, text: text.slice(startTok.start, endTok.end) },
        temporality,
      });
    }
  }
}

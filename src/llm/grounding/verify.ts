import { z } from 'zod';
import { ingredientsFromText } from '../../patient/index.js';
import { extractDates, extractLaterality, extractNumbers, numbersAgree, type NumberMention } from './extract.js';
import { keyTerms, type GroundingFact } from './facts.js';

/** What the verifier can look up: cited facts by id or source, the prompt's facts, and facts every sentence may use. */
export interface GroundingIndex {
  get(citation: string): GroundingFact | undefined;
  /** Facts whose concepts must be cited when mentioned (the facts the model was shown). */
  readonly facts: readonly GroundingFact[];
  /** Facts implicitly available to every sentence (the patient's age and sex). */
  readonly implicit: readonly GroundingFact[];
}

export const ProblemKindSchema = z.enum([
  'unknown_citation',
  'uncited_claim',
  'number_mismatch',
  'unit_mismatch',
  'date_mismatch',
  'laterality_mismatch',
  'drug_mismatch',
  'uncited_concept',
]);

export const SentenceReportSchema = z.object({
  index: z.number().int(),
  text: z.string(),
  citations: z.array(z.string()),
  status: z.enum(['supported', 'unsupported', 'contradicted']),
  /** False for sentences that state nothing clinical (they are not scored). */
  claim: z.boolean(),
  problems: z.array(
    z.object({ kind: ProblemKindSchema, severity: z.enum(['unsupported', 'contradicted']), detail: z.string() }),
  ),
});

/** The verifier's report: one entry per sentence, a groundedness score and the verdict. */
export const GroundingReportSchema = z.object({
  sentences: z.array(SentenceReportSchema),
  /** Supported claim sentences over claim sentences (0 when there are none). */
  score: z.number().min(0).max(1),
  /** True only when there is at least one claim and every sentence is supported. */
  verified: z.boolean(),
  counts: z.object({
    supported: z.number().int(),
    unsupported: z.number().int(),
    contradicted: z.number().int(),
    citations: z.number().int(),
    invalidCitations: z.number().int(),
  }),
});

export type SentenceReport = z.infer<typeof SentenceReportSchema>;
export type GroundingReport = z.infer<typeof GroundingReportSchema>;
export type GroundingProblem = SentenceReport['problems'][number];

/** A sentence to verify: its text and the fact ids it cites. */
export interface CitedSentence {
  text: string;
  citations: readonly string[];
}

const CLINICAL =
  /\b(diagnos\w*|history|present\w*|prescri\w*|medicat\w*|allerg\w*|treat\w*|therap\w*|dose|mg|elevated|raised|low|high|abnormal|pain|fever|infection|pressure|level|result|stage|risk|chronic|acute|admitted|discharged|surgery|vaccin\w*|symptom\w*)\b/i;

const INLINE_CITATION = /\s*\[([^\]]*\/[^\]]*)\]/g;

/** Splits `text [Ref/1, Ref/2]` into the text and its inline citations. */
export function splitInlineCitations(text: string): CitedSentence {
  const citations: string[] = [];
  const clean = text.replace(INLINE_CITATION, (_m, inner: string) => {
    citations.push(
      ...inner
        .split(/[,;]\s*/)
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    );
    return '';
  });
  return { text: clean.trim(), citations };
}

/** Splits free text into sentences with their inline `[ref]` citations. */
export function sentencesFromText(text: string): CitedSentence[] {
  const parts = text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?](?:\s*\[[^\]]*\])?)\s+(?=[A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return parts.map(splitInlineCitations);
}

function drugsIn(text: string): string[] {
  return ingredientsFromText(text).map((i) => i.name);
}

function checkNumbers(numbers: NumberMention[], pool: GroundingFact[], cited: GroundingFact[]): GroundingProblem[] {
  const problems: GroundingProblem[] = [];
  const citedHasNumbers = cited.some((f) => f.numbers.length > 0);
  for (const n of numbers) {
    const matches = pool.flatMap((f) => f.numbers).filter((x) => numbersAgree(n, x.value));
    if (matches.length === 0) {
      problems.push({
        kind: 'number_mismatch',
        severity: citedHasNumbers ? 'contradicted' : 'unsupported',
        detail: `${n.text} is not a value of the cited facts`,
      });
    } else if (n.unit !== null && !matches.some((m) => m.unit === null || m.unit === n.unit)) {
      problems.push({
        kind: 'unit_mismatch',
        severity: 'contradicted',
        detail: `${n.text}: the cited value has another unit`,
      });
    }
  }
  return problems;
}

function checkSentence(sentence: CitedSentence, index: GroundingIndex): Omit<SentenceReport, 'index'> {
  const inline = splitInlineCitations(sentence.text);
  const text = inline.text;
  const citations = [...new Set([...sentence.citations, ...inline.citations])];
  const problems: GroundingProblem[] = [];
  const cited: GroundingFact[] = [];
  for (const c of citations) {
    const fact = index.get(c);
    if (fact) cited.push(fact);
    else problems.push({ kind: 'unknown_citation', severity: 'unsupported', detail: `${c} is not in the record` });
  }
  const { dates, rest } = extractDates(text);
  const numbers = extractNumbers(rest);
  const laterality = extractLaterality(text);
  const drugs = drugsIn(text);
  const citedIds = new Set(cited.map((f) => f.id));
  const terms = keyTerms(text);
  const conceptHits = index.facts.filter((f) => !citedIds.has(f.id) && f.terms.some((t) => terms.includes(t)));
  const claim =
    citations.length > 0 ||
    numbers.length + dates.length + laterality.length + drugs.length + conceptHits.length > 0 ||
    CLINICAL.test(text);
  if (citations.length === 0) {
    // Every sentence of a grounded narrative must cite; one without clinical content is still not verifiable.
    problems.push({
      kind: 'uncited_claim',
      severity: 'unsupported',
      detail: claim ? 'a clinical statement without a citation' : 'a sentence without a citation',
    });
    return finish(text, citations, true, problems);
  }
  const pool = [...cited, ...index.implicit];
  problems.push(...checkNumbers(numbers, pool, cited));
  const poolDates = pool.flatMap((f) => f.dates);
  for (const d of dates) {
    if (!poolDates.some((p) => p.startsWith(d.value))) {
      const severity = cited.some((f) => f.dates.length > 0) ? 'contradicted' : 'unsupported';
      problems.push({ kind: 'date_mismatch', severity, detail: `${d.text} is not a date of the cited facts` });
    }
  }
  const poolSides = new Set(pool.flatMap((f) => f.laterality));
  for (const side of laterality) {
    if (!poolSides.has(side)) {
      const severity = poolSides.size > 0 ? 'contradicted' : 'unsupported';
      problems.push({ kind: 'laterality_mismatch', severity, detail: `${side} does not match the cited facts` });
    }
  }
  const poolDrugs = new Set(pool.flatMap((f) => f.drugs));
  const poolLabels = pool.map((f) => f.label.toLowerCase()).join(' | ');
  for (const drug of drugs) {
    if (!poolDrugs.has(drug) && !poolLabels.includes(drug)) {
      const severity = poolDrugs.size > 0 ? 'contradicted' : 'unsupported';
      problems.push({ kind: 'drug_mismatch', severity, detail: `${drug} is not a drug of the cited facts` });
    }
  }
  const citedTerms = new Set(pool.flatMap((f) => f.terms));
  const uncitedTerms = [...new Set(conceptHits.flatMap((f) => f.terms.filter((t) => terms.includes(t))))].filter(
    (t) => !citedTerms.has(t) && !drugs.includes(t),
  );
  if (uncitedTerms.length > 0) {
    problems.push({
      kind: 'uncited_concept',
      severity: 'unsupported',
      detail: `mentions ${uncitedTerms.slice(0, 3).join(', ')} without citing the fact`,
    });
  }
  return finish(text, citations, claim, problems);
}

function finish(
  text: string,
  citations: string[],
  claim: boolean,
  problems: GroundingProblem[],
): Omit<SentenceReport, 'index'> {
  const status = problems.some((p) => p.severity === 'contradicted')
    ? 'contradicted'
    : problems.length > 0
      ? 'unsupported'
      : 'supported';
  return { text, citations, status, claim, problems };
}

/** Verifies every sentence against the cited facts and returns the per-sentence report and groundedness score. */
export function verifyGrounding(sentences: readonly CitedSentence[], index: GroundingIndex): GroundingReport {
  const reports = sentences.map((s, i) => ({ index: i, ...checkSentence(s, index) }));
  const claims = reports.filter((r) => r.claim);
  const count = (status: SentenceReport['status']): number => reports.filter((r) => r.status === status).length;
  const citations = reports.reduce((n, r) => n + r.citations.length, 0);
  const invalid = reports.reduce((n, r) => n + r.problems.filter((p) => p.kind === 'unknown_citation').length, 0);
  const supportedClaims = claims.filter((r) => r.status === 'supported').length;
  return {
    sentences: reports,
    score: claims.length === 0 ? 0 : supportedClaims / claims.length,
    verified: claims.length > 0 && reports.every((r) => r.status === 'supported'),
    counts: {
      supported: count('supported'),
      unsupported: count('unsupported'),
      contradicted: count('contradicted'),
      citations,
      invalidCitations: invalid,
    },
  };
}

/** Builds an index over grounding facts (cited by id or by source); `resolve` finds facts outside the list. */
export function buildGroundingIndex(
  facts: readonly GroundingFact[],
  options: { implicit?: readonly GroundingFact[]; resolve?: (citation: string) => GroundingFact | undefined } = {},
): GroundingIndex {
  const byKey = new Map<string, GroundingFact>();
  for (const f of [...facts, ...(options.implicit ?? [])]) {
    byKey.set(f.id, f);
    byKey.set(f.source, f);
  }
  return {
    facts,
    implicit: options.implicit ?? [],
    get: (citation) => byKey.get(citation.trim()) ?? options.resolve?.(citation.trim()),
  };
}

import type { DdxExplanationResult, GroundedText, GroundingReport, LetterResult, SummaryResult } from '../llm/index.js';

const MARK: Record<string, string> = { supported: 'ok ', unsupported: '?? ', contradicted: '!! ' };

/** Renders sentences with their verification status and citations. */
export function formatVerified(text: GroundedText, report: GroundingReport): string[] {
  return text.sentences.map((s, i) => {
    const r = report.sentences[i];
    const mark = r ? (MARK[r.status] ?? '') : '';
    const cites = s.citations.length > 0 ? `  [${s.citations.join(', ')}]` : '';
    const problems =
      r && r.problems.length > 0
        ? `\n        ${r.problems.map((p) => `${p.kind}: ${p.detail}`).join('\n        ')}`
        : '';
    return `  ${mark}${s.text}${cites}${problems}`;
  });
}

/** The human-readable summary: the model's (with its report) or the labelled fallback. */
export function formatSummary(result: SummaryResult): string {
  const out: string[] = [];
  if (result.summary && result.verification) {
    const v = result.verification;
    const verdict = v.verified ? 'verified' : `NOT verified (groundedness ${Math.round(v.score * 100)} %)`;
    out.push(
      `Summary of Patient/${result.patient} by ${result.model ?? '?'}${result.deidentified ? ' (de-identified)' : ''}: ${verdict}`,
    );
    out.push(...formatVerified(result.summary, v));
    out.push(
      `  ${v.counts.supported} supported, ${v.counts.unsupported} unsupported, ${v.counts.contradicted} contradicted; ` +
        `${v.counts.citations} citations (${v.counts.invalidCitations} not in the record)`,
    );
    if (result.usage) {
      out.push(
        `  tokens ${result.usage.promptTokens} in / ${result.usage.completionTokens} out, ${Math.round(result.latencyMs ?? 0)} ms`,
      );
    }
  } else {
    out.push(`No model summary (${result.status}): ${result.message ?? ''}`);
    if (result.howToConfigure) out.push(`  next: ${result.howToConfigure}`);
  }
  if (result.fallback) {
    const f = result.fallback;
    out.push('', `Structured summary — ${f.label}, ${f.verification.verified ? 'verified' : 'NOT verified'}:`);
    out.push(...formatVerified(f.summary, f.verification));
  }
  return out.join('\n');
}

/** The human-readable letter with its readability. */
export function formatLetter(result: LetterResult): string {
  const out: string[] = [];
  const letter = result.letter ?? result.fallback?.letter;
  const r = result.readability ?? result.fallback?.readability;
  if (!result.letter)
    out.push(
      `No model letter (${result.status}): ${result.message ?? ''}`,
      `Letter — ${result.fallback?.label ?? ''}:`,
    );
  if (letter) out.push('', letter.title, '', ...letter.paragraphs.flatMap((p) => [p, '']));
  if (r) {
    out.push(
      `Readability: ${r.measure} ${r.score} → grade ${r.grade} (target ${result.targetGrade}, ${r.grade <= result.targetGrade + 1 ? 'met' : 'NOT met'})`,
    );
  }
  if (result.verification) {
    const c = result.verification.counts;
    out.push(
      `Numbers, dates and drug names checked against the record: ${c.supported} supported, ${c.unsupported} unsupported, ${c.contradicted} contradicted paragraph(s)`,
    );
  }
  return out.join('\n');
}

/** The human-readable differential explanation: the model's (with its report) or the labelled template. */
export function formatExplanation(result: DdxExplanationResult): string {
  const out: string[] = [];
  if (result.explanation && result.verification) {
    const v = result.verification;
    out.push(
      `Explanation by ${result.model ?? '?'}: ${v.verified ? 'verified' : `NOT verified (groundedness ${Math.round(v.score * 100)} %)`}`,
    );
    out.push(...formatVerified(result.explanation, v));
  } else {
    out.push(`No model explanation (${result.status}): ${result.message ?? ''}`);
  }
  if (result.fallback) {
    const f = result.fallback;
    out.push('', `Explanation — ${f.label}, ${f.verification.verified ? 'verified' : 'NOT verified'}:`);
    out.push(...formatVerified(f.explanation, f.verification));
  }
  return out.join('\n');
}

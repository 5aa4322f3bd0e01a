import type { GroundingFact } from '../grounding/facts.js';
import type { SummaryFacts } from '../grounding/context-facts.js';
import type { GroundedText } from './sentences.js';

/** The label of the deterministic summary shown when no model is configured (or the model failed). */
export const SUMMARY_TEMPLATE_LABEL = 'deterministic-template (no language model)';

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function measured(f: GroundingFact): string {
  const q = f.quantity;
  const quantity = q ? ` ${fmt(q.value)}${q.unit ? ` ${q.unit}` : ''}` : '';
  const date = f.dates[0] ? ` on ${f.dates[0]}` : '';
  return `${f.label}${quantity}${date}`;
}

function since(f: GroundingFact): string {
  return f.dates[0] ? ` (since ${f.dates[0]})` : '';
}

function sentence(
  prefix: string,
  facts: GroundingFact[],
  render: (f: GroundingFact) => string,
): GroundedText['sentences'] {
  if (facts.length === 0) return [];
  return [{ text: `${prefix}: ${facts.map(render).join('; ')}.`, citations: facts.map((f) => f.id) }];
}

/** A structured, fully cited summary built without a model, from the same facts a model would see. */
export function templateSummary(s: SummaryFacts): GroundedText {
  const chunk = <T>(list: T[], n: number): T[][] =>
    Array.from({ length: Math.ceil(list.length / n) }, (_v, i) => list.slice(i * n, i * n + n));
  const sentences: GroundedText['sentences'] = [
    { text: `Patient: ${s.patient.label}.`, citations: [s.patient.id] },
    ...chunk(s.activeProblems, 8).flatMap((c) => sentence('Active problems', c, (f) => `${f.label}${since(f)}`)),
    ...sentence('Past problems', s.pastProblems, (f) => f.label),
    ...chunk(s.medications, 8).flatMap((c) => sentence('Active medications', c, (f) => f.label)),
    ...sentence('Allergies', s.allergies, (f) => f.label),
    ...chunk(s.vitals, 8).flatMap((c) => sentence('Latest vital signs', c, measured)),
    ...chunk(s.labs, 8).flatMap((c) => sentence('Latest laboratory results', c, measured)),
    ...sentence('Recent encounters', s.encounters, (f) => `${f.label}${f.dates[0] ? ` on ${f.dates[0]}` : ''}`),
    ...sentence('Procedures', s.procedures, (f) => `${f.label}${f.dates[0] ? ` on ${f.dates[0]}` : ''}`),
    ...sentence('Reports', s.reports, (f) => `${f.label}${f.dates[0] ? ` on ${f.dates[0]}` : ''}`),
  ];
  if (sentences.length === 1)
    sentences.push({ text: 'No problems, medications or results are recorded.', citations: [s.patient.id] });
  return { sentences };
}

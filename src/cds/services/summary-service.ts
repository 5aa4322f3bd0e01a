import type { ObservationFact, ProblemFact } from '../../patient/index.js';
import type { CardDraft, CdsInvocation, CdsService, CdsServiceResult } from '../contract.js';
import { clampSummary, md, vitalisSource } from './source.js';
import { summaryFacts, type SummaryFacts } from './summary-facts.js';

/** Id of the patient-view summary service. */
export const SUMMARY_SERVICE_ID = 'vitalis-patient-summary';

const MAX_LINES = 12;

// UCUM codes for reading: annotations lose their braces and underscores ({1.73_m2} -> 1.73 m2).
function readableUnit(unit: string | null): string {
  return (unit ?? '').replace(/\{([^}]*)\}/g, '$1').replace(/_/g, ' ');
}

function value(fact: ObservationFact): string {
  const v = fact.value;
  if (v?.type === 'quantity') {
    // The canonical unit when known, so the value and the reference range are in the same unit.
    const [amount, unit] = v.canonical ? [v.value, v.unit] : [v.original.value, v.original.unit];
    return `${v.comparator ?? ''}${String(amount)} ${readableUnit(unit)}`.trim();
  }
  if (v?.type === 'coded') {
    return v.text ?? v.coding?.display ?? v.coding?.code ?? '';
  }
  return v?.type === 'text' ? v.text : '';
}

function range(fact: ObservationFact): string {
  const r = fact.referenceRange;
  if (!r) {
    return '';
  }
  if (r.text) {
    return ` (ref ${r.text})`;
  }
  const unit = r.unit ? ` ${readableUnit(r.unit)}` : '';
  if (r.low !== null && r.high !== null) {
    return ` (ref ${String(r.low)}–${String(r.high)}${unit})`;
  }
  if (r.low !== null) {
    return ` (ref ≥ ${String(r.low)}${unit})`;
  }
  return r.high !== null ? ` (ref ≤ ${String(r.high)}${unit})` : '';
}

function problemLine(p: ProblemFact): string {
  const since = p.onset ?? p.recordedDate;
  return `- ${md(p.text)}${since ? ` (since ${since.slice(0, 10)})` : ''}`;
}

function labLine(f: ObservationFact): string {
  const flag = f.interpretation.map((c) => c.code).join(',');
  return `- ${md(f.text)}: **${md(value(f))}**${flag ? ` [${md(flag)}]` : ''}${md(range(f))}, ${(f.effectiveTime ?? '').slice(0, 10)}`;
}

function listSection(title: string, lines: string[]): string[] {
  if (lines.length === 0) {
    return [];
  }
  const shown = lines.slice(0, MAX_LINES);
  const more = lines.length - shown.length;
  return [`**${title}**`, '', ...shown, ...(more > 0 ? [`- …and ${more} more`] : []), ''];
}

function summaryLine(facts: SummaryFacts): string {
  const parts = [
    `${facts.problems.length} active problem${facts.problems.length === 1 ? '' : 's'}`,
    facts.criticalLabs.length > 0
      ? `${facts.criticalLabs.length} critical lab${facts.criticalLabs.length === 1 ? '' : 's'}`
      : `${facts.abnormalLabs.length} abnormal recent lab${facts.abnormalLabs.length === 1 ? '' : 's'}`,
    ...facts.missing.slice(0, 1),
  ];
  return clampSummary(`Summary: ${parts.join(' · ')}`);
}

function card(invocation: CdsInvocation, facts: SummaryFacts): CardDraft {
  const detail = [
    ...listSection(`Active problems (${facts.problems.length})`, facts.problems.map(problemLine)),
    ...listSection(
      `Abnormal labs, latest result in the last 12 months (${facts.abnormalLabs.length})`,
      facts.abnormalLabs.map(labLine),
    ),
    ...listSection(
      'Missing data',
      facts.missing.map((m) => `- ${m}`),
    ),
  ];
  return {
    kind: facts.criticalLabs.length > 0 ? 'summary-critical' : 'summary',
    summary: summaryLine(facts),
    indicator: facts.criticalLabs.length > 0 ? 'warning' : 'info',
    detail:
      detail.length > 0 ? detail.join('\n').trimEnd() : 'No active problems, abnormal labs or missing data found.',
    source: vitalisSource(invocation, {
      label: 'Vitalis patient summary',
      code: 'patient-summary',
      display: 'Patient summary',
    }),
    // The EHR launches Vitalis (SMART App Launch, /smart/launch) on this patient from the card.
    links: [{ label: 'Open the Vitalis patient view', url: `${invocation.baseUrl}/smart/launch`, type: 'smart' }],
    inputs: facts.inputs,
  };
}

async function handle(invocation: CdsInvocation): Promise<CdsServiceResult> {
  await Promise.resolve();
  if (!invocation.patient) {
    return { cards: [] };
  }
  return { cards: [card(invocation, summaryFacts(invocation.patient, new Date()))] };
}

/** The patient-view service: one summary card with active problems, abnormal recent labs and missing data. */
export function summaryCdsService(): CdsService {
  return {
    id: SUMMARY_SERVICE_ID,
    hook: 'patient-view',
    title: 'Vitalis patient summary',
    description:
      'One card when a chart opens: active problems, abnormal laboratory results of the last 12 months and important missing data (no recent vital signs, no allergy documentation).',
    prefetch: {
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}&clinical-status=active',
      labs: 'Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=200',
      vitals: 'Observation?patient={{context.patientId}}&category=vital-signs&_sort=-date&_count=100',
      allergies: 'AllergyIntolerance?patient={{context.patientId}}',
    },
    handle,
  };
}

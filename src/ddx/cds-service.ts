import type { CardDraft, CdsInvocation, CdsService, CdsServiceResult } from '../cds/contract.js';
import type { DdxResult } from './contract.js';
import { defaultDdxEngine } from './default-engine.js';
import type { DdxEngine } from './engine.js';

/** Id of the patient-view differential-diagnosis service. */
export const DDX_SERVICE_ID = 'vitalis-ddx';

const TOPIC_SYSTEM = 'https://vitalis.health/fhir/CodeSystem/cds-topic';
const TEST_KINDS = new Set(['lab', 'imaging', 'vital']);

function clamp(text: string): string {
  return text.length <= 139 ? text : `${text.slice(0, 137).replace(/\s+\S*$/, '')}…`;
}

function pct(p: number): string {
  return p >= 0.01 ? `${Math.round(p * 100)}%` : '<1%';
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function source(invocation: CdsInvocation, version: string): CardDraft['source'] {
  return {
    label: `Vitalis differential diagnosis (knowledge ${version})`,
    url: `${invocation.baseUrl}/`,
    topic: { system: TOPIC_SYSTEM, code: 'differential-diagnosis', display: 'Differential diagnosis' },
  };
}

function inputs(result: DdxResult): string[] {
  const out = new Set<string>();
  for (const f of result.findings) {
    if (f.source.kind === 'fact') {
      out.add(f.source.resource);
    }
  }
  return [...out];
}

/** The cards for one result: the top differential, the can't-miss items still open, and the next best tests. */
export function ddxCards(result: DdxResult, invocation: CdsInvocation): CardDraft[] {
  const present = result.findings.filter((f) => f.present);
  if (present.length === 0 || result.differential.length === 0) {
    return [];
  }
  const src = source(invocation, result.knowledgeVersion);
  const used = inputs(result);
  const top = result.differential.slice(0, 5);
  const cards: CardDraft[] = [
    {
      kind: 'ddx-differential',
      summary: clamp(
        `Differential: ${top
          .slice(0, 3)
          .map((d) => `${d.name} ${pct(d.probability)}`)
          .join(', ')}`,
      ),
      indicator: 'info',
      detail: [
        `From ${present.length} finding${present.length === 1 ? '' : 's'} in the chart: ${present
          .slice(0, 12)
          .map((f) => escape(f.label))
          .join(', ')}.`,
        '',
        ...top.map(
          (d) =>
            `- **${escape(d.name)}** (${d.icd10.join(', ')}) ${pct(d.probability)}, ${d.group}` +
            (d.for.length > 0
              ? ` — for: ${d.for
                  .slice(0, 4)
                  .map((w) => escape(w.label))
                  .join(', ')}`
              : '') +
            (d.against.length > 0
              ? `; against: ${d.against
                  .slice(0, 3)
                  .map((w) => escape(w.label))
                  .join(', ')}`
              : ''),
        ),
      ].join('\n'),
      source: src,
      inputs: used,
    },
  ];
  const cantMiss = result.differential.filter((d) => d.group === 'cant-miss' && d.probability >= 0.02).slice(0, 3);
  if (cantMiss.length > 0) {
    cards.push({
      kind: 'ddx-cant-miss',
      summary: clamp(`Can't miss: ${cantMiss.map((d) => `${d.name} ${pct(d.probability)}`).join(', ')}`),
      indicator: cantMiss.some((d) => d.probability >= 0.2) ? 'critical' : 'warning',
      detail: cantMiss
        .map(
          (d) =>
            `- **${escape(d.name)}** ${pct(d.probability)}: ${
              d.for
                .slice(0, 4)
                .map((w) => escape(w.label))
                .join(', ') || 'prior only'
            }`,
        )
        .join('\n'),
      source: src,
      inputs: used,
    });
  }
  const tests = result.nextBest.filter((n) => TEST_KINDS.has(n.kind)).slice(0, 5);
  const questions = result.nextBest.filter((n) => !TEST_KINDS.has(n.kind)).slice(0, 5);
  if (tests.length + questions.length > 0) {
    cards.push({
      kind: 'ddx-next-best',
      summary: clamp(
        `Next best: ${[...tests, ...questions]
          .slice(0, 4)
          .map((n) => n.label)
          .join(', ')}`,
      ),
      indicator: 'info',
      detail: [
        ...(tests.length > 0
          ? ['**Tests to consider**', ...tests.map((n) => `- ${escape(n.label)} (${n.expectedInformationGain} bits)`)]
          : []),
        ...(questions.length > 0
          ? [
              '',
              '**Findings to ask or examine**',
              ...questions.map((n) => `- ${escape(n.label)} (${n.expectedInformationGain} bits)`),
            ]
          : []),
      ].join('\n'),
      source: src,
      inputs: used,
    });
  }
  return cards;
}

/** The patient-view CDS service: the differential from the chart, the can't-miss items and the next best tests. */
export function ddxCdsService(engine: () => DdxEngine = defaultDdxEngine): CdsService {
  return {
    id: DDX_SERVICE_ID,
    hook: 'patient-view',
    title: 'Vitalis differential diagnosis',
    description:
      "A Bayesian differential diagnosis read automatically from the chart (problems, vitals, labs, medications, notes): the top differential, can't-miss diagnoses and the next best tests.",
    prefetch: {
      patient: 'Patient/{{context.patientId}}',
      conditions: 'Condition?patient={{context.patientId}}',
      labs: 'Observation?patient={{context.patientId}}&category=laboratory&_sort=-date&_count=200',
      vitals: 'Observation?patient={{context.patientId}}&category=vital-signs&_sort=-date&_count=100',
      medications: 'MedicationRequest?patient={{context.patientId}}&status=active',
      notes: 'DocumentReference?patient={{context.patientId}}&_sort=-date&_count=5',
    },
    handle(invocation: CdsInvocation): Promise<CdsServiceResult> {
      if (!invocation.patient) {
        return Promise.resolve({ cards: [] });
      }
      const result = engine().diagnoseContext(invocation.patient, { setting: 'general', limit: 10 });
      return Promise.resolve({ cards: ddxCards(result, invocation) });
    },
  };
}

/** The diagnosis engine's CDS services, for `src/app/cds-services.ts`. */
export function ddxCdsServices(): CdsService[] {
  return [ddxCdsService()];
}

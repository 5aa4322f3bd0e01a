import type { CardDraft, CdsInvocation, CdsService, CdsServiceResult } from '../contract.js';
import type { AllergyFact } from '../../patient/index.js';
import {
  allergyClasses,
  draftMedications,
  isCurrentAllergy,
  matchAllergy,
  type AllergyMatch,
  type DraftMedication,
} from './allergy-match.js';
import { clampSummary, md, OVERRIDE_SYSTEM, vitalisSource } from './source.js';

/** Id of the order-sign allergy service. */
export const ALLERGY_SERVICE_ID = 'vitalis-allergy-check';

const RANK: Record<AllergyMatch['kind'], number> = { ingredient: 0, class: 1, 'cross-sensitivity': 2 };

const OVERRIDE_REASONS = [
  { system: OVERRIDE_SYSTEM, code: 'tolerated-before', display: 'Patient has tolerated this medication before' },
  {
    system: OVERRIDE_SYSTEM,
    code: 'intolerance-not-allergy',
    display: 'Documented reaction is an intolerance, not an allergy',
  },
  {
    system: OVERRIDE_SYSTEM,
    code: 'benefit-outweighs-risk',
    display: 'Benefit outweighs risk; patient will be monitored',
  },
  { system: OVERRIDE_SYSTEM, code: 'graded-challenge', display: 'Graded challenge or desensitization planned' },
  { system: OVERRIDE_SYSTEM, code: 'allergy-record-wrong', display: 'Allergy record is wrong or outdated' },
];

function allergyLine(match: AllergyMatch): string {
  const a = match.allergy;
  const reactions = a.reactions.flatMap((r) => r.manifestations).slice(0, 3);
  const parts = [
    `**${md(a.text)}**`,
    a.criticality ? `criticality ${a.criticality}` : null,
    reactions.length > 0 ? `reaction: ${md(reactions.join(', '))}` : null,
    a.verificationStatus && a.verificationStatus !== 'confirmed' ? `(${a.verificationStatus})` : null,
  ].filter((p): p is string => p !== null);
  const how =
    match.kind === 'ingredient'
      ? `same ingredient (${md(match.via)})`
      : match.kind === 'class'
        ? `same drug class (${md(match.via)})`
        : `possible cross-sensitivity (${md(match.via)}). ${match.note ?? ''}`;
  return `- ${parts.join(', ')} — ${how}`;
}

function indicatorOf(best: AllergyMatch): CardDraft['indicator'] {
  if (best.kind === 'cross-sensitivity') {
    return 'info';
  }
  if (best.kind === 'ingredient' || best.allergy.criticality === 'high') {
    return 'critical';
  }
  return 'warning';
}

function cardFor(invocation: CdsInvocation, drug: DraftMedication, matches: AllergyMatch[]): CardDraft {
  const sorted = [...matches].sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  const best = sorted[0] as AllergyMatch;
  const what =
    best.kind === 'ingredient' ? 'same ingredient' : best.kind === 'class' ? `${best.via} class` : 'cross-sensitivity';
  const shortName = drug.ingredients.map((i) => i.name).join(' + ');
  const orderRef = drug.request.id ? `MedicationRequest/${drug.request.id}` : null;
  return {
    kind: `allergy-${best.kind}`,
    summary: clampSummary(`Allergy, ${what}: ${shortName} vs documented ${best.allergy.text}`),
    indicator: indicatorOf(best),
    detail: [
      `The draft order **${md(drug.name)}** meets ${sorted.length === 1 ? 'a documented allergy' : 'documented allergies'}:`,
      '',
      ...sorted.map(allergyLine),
      '',
      `Ingredients checked: ${md(drug.ingredients.map((i) => i.name).join(', '))} (RxNorm).`,
      'Consider an alternative, or record why the benefit outweighs the risk.',
    ].join('\n'),
    source: vitalisSource(invocation, {
      label: 'Vitalis allergy check',
      code: 'drug-allergy',
      display: 'Drug allergy',
    }),
    ...(orderRef
      ? {
          suggestions: [
            {
              label: `Remove the draft order for ${drug.name}`.slice(0, 120),
              isRecommended: best.kind === 'ingredient',
              actions: [
                { type: 'delete' as const, description: 'Remove the draft medication order', resourceId: [orderRef] },
              ],
            },
          ],
          selectionBehavior: 'at-most-one' as const,
        }
      : {}),
    overrideReasons: OVERRIDE_REASONS,
    links: [
      {
        label: 'Drug allergy: a 2022 practice parameter update (JACI)',
        url: 'https://doi.org/10.1016/j.jaci.2022.08.028',
        type: 'absolute',
      },
    ],
    inputs: [...sorted.map((m) => m.allergy.source), ...(orderRef ? [orderRef] : [])],
  };
}

function uncheckedCard(invocation: CdsInvocation, drugs: DraftMedication[], allergies: AllergyFact[]): CardDraft {
  const names = drugs.map((d) => d.name);
  return {
    kind: 'allergy-unchecked',
    summary: clampSummary(`Allergy check not possible for ${names.join(', ')}: medication not recognised`),
    indicator: 'info',
    detail: [
      `The patient has ${allergies.length} documented drug ${allergies.length === 1 ? 'allergy' : 'allergies'}, but these draft orders could not be resolved to RxNorm ingredients, so they were **not** checked:`,
      '',
      ...names.map((n) => `- ${md(n)}`),
    ].join('\n'),
    source: vitalisSource(invocation, {
      label: 'Vitalis allergy check',
      code: 'drug-allergy',
      display: 'Drug allergy',
    }),
    inputs: allergies.map((a) => a.source),
  };
}

async function handle(invocation: CdsInvocation): Promise<CdsServiceResult> {
  await Promise.resolve();
  const allergies = (invocation.patient?.allergies ?? []).filter(isCurrentAllergy);
  const drugs = draftMedications(invocation.draftOrders);
  if (allergies.length === 0 || drugs.length === 0) {
    return { cards: [] };
  }
  const cards: CardDraft[] = [];
  const unchecked: DraftMedication[] = [];
  for (const drug of drugs) {
    if (drug.ingredients.length === 0) {
      unchecked.push(drug);
      continue;
    }
    const matches = allergies.flatMap((a) => matchAllergy(drug, a) ?? []);
    if (matches.length > 0) {
      cards.push(cardFor(invocation, drug, matches));
    }
  }
  const drugAllergies = allergies.filter(
    (a) => a.ingredients.length > 0 || a.category.includes('medication') || allergyClasses(a).length > 0,
  );
  if (unchecked.length > 0 && drugAllergies.length > 0) {
    cards.push(uncheckedCard(invocation, unchecked, drugAllergies));
  }
  return { cards };
}

/** The order-sign service that checks each draft MedicationRequest against the patient's AllergyIntolerances. */
export function allergyCdsService(): CdsService {
  return {
    id: ALLERGY_SERVICE_ID,
    hook: 'order-sign',
    title: 'Vitalis drug-allergy check',
    description:
      'Checks each draft MedicationRequest against the patient’s AllergyIntolerance records by RxNorm ingredient and by drug class (including penicillin–cephalosporin cross-sensitivity).',
    prefetch: {
      patient: 'Patient/{{context.patientId}}',
      allergies: 'AllergyIntolerance?patient={{context.patientId}}',
    },
    handle,
  };
}

import type { CardDraft } from '../cds/contract.js';
import type { PatientContext } from '../patient/index.js';
import { computeScores, type ScoreResult } from '../scores/index.js';
import { clip } from './tiers.js';

/** Rule ids of the score alerts. */
export const SCORE_ALERT_RULES = {
  news2: 'score-news2-high',
  qsofa: 'score-qsofa-positive',
  cha2ds2: 'score-cha2ds2-vasc-no-anticoagulant',
} as const;

function facts(s: ScoreResult): string {
  return s.provenance.facts
    .map((f) => f.source)
    .slice(0, 12)
    .join(', ');
}

function card(
  s: ScoreResult,
  spec: { kind: string; summary: string; indicator: CardDraft['indicator']; advice: string },
): CardDraft {
  const missing = s.missing.length > 0 ? `\n\n**Missing:** ${s.missing.map((m) => m.label).join(', ')}.` : '';
  return {
    kind: spec.kind,
    summary: clip(spec.summary),
    indicator: spec.indicator,
    detail: `${s.interpretation}. ${spec.advice}${missing}\n\nRule \`${spec.kind}\` · ${s.version} · ${s.reference}\n\nInputs: ${facts(s)}`,
    source: {
      label: `Vitalis clinical scores (${s.version})`,
      topic: { system: 'urn:vitalis:score-rule', code: spec.kind, display: s.name },
    },
  };
}

/**
 * Score alerts for patient-view: NEWS2 ≥ 5 or any single parameter scoring 3, qSOFA ≥ 2, and CHA2DS2-VASc ≥ 2
 * without an anticoagulant. Incomplete scores alert only on the points already known.
 */
export function scoreAlertCards(ctx: PatientContext, now?: Date): CardDraft[] {
  const scores = computeScores(ctx, now ? { now } : {});
  const byId = new Map(scores.map((s) => [s.id, s]));
  const cards: CardDraft[] = [];
  const news2 = byId.get('news2');
  if (news2?.value !== null && news2?.value !== undefined && news2.status !== 'not-applicable') {
    const single = news2.flags.includes('single-parameter-3');
    if (news2.value >= 5 || single) {
      cards.push(
        card(news2, {
          kind: SCORE_ALERT_RULES.news2,
          summary: `NEWS2 ${String(news2.value)}${single ? ' with a single parameter scoring 3' : ''}: urgent clinical review`,
          indicator: news2.value >= 7 ? 'critical' : 'warning',
          advice:
            news2.value >= 7
              ? 'Emergency response: continuous monitoring and critical-care assessment (RCP 2017).'
              : 'Urgent ward-based response: review by a clinician within an hour, monitoring at least hourly (RCP 2017).',
        }),
      );
    }
  }
  const qsofa = byId.get('qsofa');
  if (qsofa?.value !== null && qsofa?.value !== undefined && qsofa.status !== 'not-applicable' && qsofa.value >= 2) {
    cards.push(
      card(qsofa, {
        kind: SCORE_ALERT_RULES.qsofa,
        summary: `qSOFA ${String(qsofa.value)}: high risk of poor outcome if infection — assess for sepsis`,
        indicator: 'warning',
        advice: 'Assess for organ dysfunction (SOFA), take lactate and cultures, consider antibiotics (Sepsis-3).',
      }),
    );
  }
  const cha = byId.get('cha2ds2-vasc');
  if (
    cha?.value !== null &&
    cha?.value !== undefined &&
    cha.status !== 'not-applicable' &&
    cha.value >= 2 &&
    cha.flags.includes('no-anticoagulant')
  ) {
    cards.push(
      card(cha, {
        kind: SCORE_ALERT_RULES.cha2ds2,
        summary: `CHA2DS2-VASc ${String(cha.value)} in atrial fibrillation without an anticoagulant`,
        indicator: 'warning',
        advice:
          'Oral anticoagulation is recommended unless contraindicated; weigh bleeding risk (HAS-BLED) and discuss.',
      }),
    );
  }
  return cards;
}

export { type ScoreResult };

import type { MedAlert } from './alert-schema.js';
import { alertDrug } from './ddi.js';
import { selectorMatches } from './drug-index.js';
import { PIM_RULES } from './knowledge/pims.js';
import { RENAL_RULES } from './knowledge/renal.js';
import type { ActionSpec, RenalBand, RenalRule, Tier } from './knowledge/schema.js';
import { MEDS_KNOWLEDGE_VERSION } from './knowledge/version.js';
import type { MedEntry } from './med-list.js';
import type { LabReading, PatientState } from './patient-state.js';
import { clip, daysBetween } from './tiers.js';

/** Renally safe alternatives offered when a drug must be stopped. */
const RENAL_ALTERNATIVES: Record<string, ActionSpec> = {
  'renal-metformin': {
    kind: 'replace',
    label: 'Replace with linagliptin 5 mg daily (no renal adjustment)',
    rxcui: '1100699',
    name: 'linagliptin',
  },
  'renal-nitrofurantoin': {
    kind: 'replace',
    label: 'Use cephalexin (dose for CrCl) instead',
    rxcui: '2231',
    name: 'cephalexin',
  },
  'renal-nsaid': { kind: 'replace', label: 'Use acetaminophen instead', rxcui: '161', name: 'acetaminophen' },
};

/** The band of a renal rule that applies to a value (lower and upper bounds as written). */
export function renalBand(rule: RenalRule, value: number): RenalBand | undefined {
  return rule.bands.find((b) => value < b.below && value >= (b.atLeast ?? 0));
}

function measureOf(
  rule: RenalRule,
  state: PatientState,
): { lab: LabReading; label: string; note: string | null } | null {
  if (rule.measure === 'crcl') {
    if (state.crcl) {
      return { lab: state.crcl, label: 'CrCl', note: null };
    }
    return state.egfr
      ? { lab: state.egfr, label: 'eGFR', note: 'CrCl not computable (no weight): eGFR used instead' }
      : null;
  }
  return state.egfr ? { lab: state.egfr, label: 'eGFR', note: null } : null;
}

/** Renal dosing alerts for drugs cleared by the kidney, against eGFR (CKD-EPI 2021) or CrCl (Cockcroft-Gault). */
export function renalAlerts(targets: readonly MedEntry[], state: PatientState): MedAlert[] {
  const out: MedAlert[] = [];
  for (const e of targets) {
    if (e.route === 'local') {
      continue;
    }
    for (const rule of RENAL_RULES) {
      if (!e.rxcuis.some((r) => rule.ingredients.includes(r))) {
        continue;
      }
      const m = measureOf(rule, state);
      const band = m ? renalBand(rule, m.lab.value) : undefined;
      if (!m || !band) {
        continue;
      }
      const tier: Tier = band.action === 'avoid-start' && e.status !== 'order' ? 'informational' : band.tier;
      const v = String(Math.round(m.lab.value));
      const actions: ActionSpec[] = [];
      if (band.action === 'stop' || band.action === 'avoid-start') {
        actions.push({ kind: 'cancel-order', label: `Stop ${rule.label}` });
        const alt = RENAL_ALTERNATIVES[rule.id];
        if (alt) {
          actions.push(alt);
        }
      } else if (band.action === 'adjust-dose') {
        actions.push({ kind: 'adjust-dose', label: band.advice });
      }
      out.push({
        id: `${rule.id}:${e.key}`,
        category: 'renal',
        ruleId: rule.id,
        knowledgeVersion: MEDS_KNOWLEDGE_VERSION,
        reference: rule.reference,
        origin: 'vitalis',
        tier,
        baseTier: band.tier,
        summary: clip(`${e.label}: ${m.label} ${v} — ${band.advice}`),
        detail: `${rule.label}: ${band.advice}`,
        drugs: [alertDrug(e)],
        reasons: [`${m.label} ${v} ${m.lab.unit ?? ''}`.trim(), ...(m.note ? [m.note] : [])],
        evidence: [{ factId: m.lab.factId, source: m.lab.source, what: `${m.label} input (creatinine)` }],
        suggestions: actions.map((action) => ({ action, target: e.key })),
        alsoMatched: [],
      });
    }
  }
  return out;
}

/** Potentially inappropriate medications for patients aged 65 and over. */
export function pimAlerts(targets: readonly MedEntry[], state: PatientState): MedAlert[] {
  if (state.ageYears === null || state.ageYears < 65) {
    return [];
  }
  const out: MedAlert[] = [];
  for (const e of targets) {
    const rule = PIM_RULES.find(
      (r) => e.route === 'systemic' && e.rxcuis.some((x) => selectorMatches(r.selector, x)) && applies(r, e, state),
    );
    if (!rule) {
      continue;
    }
    const reasons = [`age ${String(state.ageYears)} (≥ 65)`];
    let tier: Tier = rule.tier;
    const evidence: MedAlert['evidence'] = [];
    if (rule.minDurationDays !== undefined) {
      reasons.push(`taken for ${String(Math.round(daysBetween(e.start, state.now) ?? 0))} days`);
    }
    if (rule.fallRisk === true && state.fall) {
      tier = 'interruptive';
      reasons.push(`documented fall (${state.fall.text})`);
      evidence.push({ factId: state.fall.id, source: state.fall.source, what: 'fall' });
    }
    out.push({
      id: `${rule.id}:${e.key}`,
      category: 'elderly',
      ruleId: rule.id,
      knowledgeVersion: MEDS_KNOWLEDGE_VERSION,
      reference: rule.reference,
      origin: 'vitalis',
      tier,
      baseTier: rule.tier,
      summary: clip(`Potentially inappropriate at ${String(state.ageYears)}: ${e.label} (${rule.selector.label})`),
      detail: `${rule.concern} Consider: ${rule.alternative}`,
      drugs: [alertDrug(e)],
      reasons,
      evidence,
      suggestions: [
        { action: { kind: 'adjust-dose', label: `Review or deprescribe: ${rule.alternative}` }, target: e.key },
      ],
      alsoMatched: [],
    });
  }
  return out;
}

function applies(rule: (typeof PIM_RULES)[number], e: MedEntry, state: PatientState): boolean {
  if (
    rule.minDurationDays !== undefined &&
    (e.status === 'order' || (daysBetween(e.start, state.now) ?? 0) < rule.minDurationDays)
  ) {
    return false;
  }
  return rule.minDailyDoseMg === undefined || (e.dailyDoseMg !== null && e.dailyDoseMg > rule.minDailyDoseMg);
}

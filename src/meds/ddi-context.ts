import { classesOfRxcui } from './drug-index.js';
import type { AlertEvidence } from './alert-schema.js';
import type { AnyClass, ContextId, Tier } from './knowledge/schema.js';
import type { MedEntry } from './med-list.js';
import type { LabReading, PatientState } from './patient-state.js';

/** What a context evaluator decides for one matched pair. */
export interface ContextOutcome {
  tier: Tier;
  reasons: string[];
  evidence: AlertEvidence[];
  /** True when patient risk factors were found (then "previously tolerated" does not lower the tier). */
  riskFactors: boolean;
}

/** The pair as the rule sees it: side a, side b, the other current drugs and the patient. */
export interface PairInput {
  tier: Tier;
  a: MedEntry;
  b: MedEntry;
  /** The ingredient of each side that matched. */
  aRxcui: string;
  bRxcui: string;
  current: readonly MedEntry[];
  state: PatientState;
}

type Evaluator = (input: PairInput) => ContextOutcome;

const labEvidence = (lab: LabReading, what: string): AlertEvidence => ({
  factId: lab.factId,
  source: lab.source,
  what,
});
const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function hasClass(entries: readonly MedEntry[], classes: AnyClass[], except: MedEntry[]): MedEntry | undefined {
  return entries.find(
    (e) =>
      !except.includes(e) &&
      e.route === 'systemic' &&
      e.rxcuis.some((r) => classes.some((c) => classesOfRxcui(r).has(c))),
  );
}

const warfarinNsaid: Evaluator = ({ a, b, current, state }) => {
  const reasons: string[] = [];
  const evidence: AlertEvidence[] = [];
  const risks: string[] = [];
  if (state.ageYears !== null && state.ageYears >= 65) {
    risks.push(`age ${String(state.ageYears)} (≥ 65)`);
  }
  if (state.giBleed) {
    risks.push(`history of GI bleeding or ulcer (${state.giBleed.text})`);
    evidence.push({ factId: state.giBleed.id, source: state.giBleed.source, what: 'prior GI bleed' });
  }
  const steroid = hasClass(current, ['corticosteroid'], [a, b]);
  if (steroid) {
    risks.push(`systemic corticosteroid (${steroid.label})`);
  }
  const mra = hasClass(current, ['mineralocorticoid-antagonist'], [a, b]);
  if (mra) {
    risks.push(`aldosterone antagonist (${mra.label})`);
  }
  if (state.inr && state.inr.value > 3) {
    risks.push(`INR ${fmt(state.inr.value)} above range`);
    evidence.push(labEvidence(state.inr, 'INR'));
  }
  const protector = current.find(
    (e) => e !== a && e !== b && e.rxcuis.some((r) => r === '42331' || classesOfRxcui(r).has('ppi')),
  );
  if (risks.length > 0) {
    reasons.push(`risk factors: ${risks.join('; ')}`);
  }
  if (protector) {
    reasons.push(`GI protection present (${protector.label})`);
  }
  const tier: Tier = risks.length === 0 && protector ? 'informational' : 'interruptive';
  return { tier, reasons, evidence, riskFactors: risks.length > 0 };
};

const digoxinCyclosporine: Evaluator = ({ state }) => {
  const reasons: string[] = [];
  const evidence: AlertEvidence[] = [];
  if (state.egfr && state.egfr.value < 60) {
    reasons.push(`eGFR ${fmt(state.egfr.value)}: lower digoxin clearance`);
    evidence.push(labEvidence(state.egfr, 'eGFR'));
  }
  return { tier: 'interruptive', reasons, evidence, riskFactors: reasons.length > 0 };
};

const hyperkalemia: Evaluator = ({ tier, state }) => {
  const reasons: string[] = [];
  const evidence: AlertEvidence[] = [];
  if (state.potassium && state.potassium.value >= 5.0) {
    reasons.push(`potassium ${fmt(state.potassium.value)} mmol/L (≥ 5.0)`);
    evidence.push(labEvidence(state.potassium, 'potassium'));
  }
  if (state.egfr && state.egfr.value < 45) {
    reasons.push(`eGFR ${fmt(state.egfr.value)} (< 45)`);
    evidence.push(labEvidence(state.egfr, 'eGFR'));
  }
  return { tier: reasons.length > 0 ? 'interruptive' : tier, reasons, evidence, riskFactors: reasons.length > 0 };
};

const qt: Evaluator = ({ tier, state }) => {
  const reasons: string[] = [];
  const evidence: AlertEvidence[] = [];
  let risk = false;
  if (state.qtc) {
    evidence.push(labEvidence(state.qtc, 'QTc'));
    if (state.qtc.value >= 470) {
      reasons.push(`QTc ${fmt(state.qtc.value)} ms (≥ 470)`);
      risk = true;
    } else {
      reasons.push(`recent QTc ${fmt(state.qtc.value)} ms (< 470)`);
    }
  }
  if (state.potassium && state.potassium.value < 3.5) {
    reasons.push(`potassium ${fmt(state.potassium.value)} mmol/L (< 3.5)`);
    evidence.push(labEvidence(state.potassium, 'potassium'));
    risk = true;
  }
  const lowered = !risk && state.qtc !== null;
  return { tier: lowered ? 'informational' : tier, reasons, evidence, riskFactors: risk };
};

const STRONG_ONLY = new Set(['703', '11170', '3443', '233698', '4053', '4450']);
const SIMVA_LIMITS: Record<string, number> = { '703': 20, '11170': 10, '3443': 10, '233698': 10 };

const statinDose: Evaluator = ({ a, bRxcui }) => {
  if (!STRONG_ONLY.has(bRxcui)) {
    return {
      tier: 'hard-stop',
      reasons: ['strong CYP3A4 inhibitor: contraindicated'],
      evidence: [],
      riskFactors: true,
    };
  }
  const limit = SIMVA_LIMITS[bRxcui];
  if (limit === undefined) {
    return { tier: 'interruptive', reasons: ['moderate CYP3A4 inhibitor'], evidence: [], riskFactors: false };
  }
  if (a.dailyDoseMg === null) {
    return {
      tier: 'interruptive',
      reasons: [`statin dose unknown (labelled maximum ${String(limit)} mg/day)`],
      evidence: [],
      riskFactors: false,
    };
  }
  return a.dailyDoseMg <= limit
    ? {
        tier: 'informational',
        reasons: [`statin ${fmt(a.dailyDoseMg)} mg/day within the ${String(limit)} mg limit`],
        evidence: [],
        riskFactors: false,
      }
    : {
        tier: 'interruptive',
        reasons: [`statin ${fmt(a.dailyDoseMg)} mg/day above the ${String(limit)} mg limit`],
        evidence: [],
        riskFactors: true,
      };
};

const inr: Evaluator = ({ tier, state }) => {
  if (state.inr && state.inr.value > 3) {
    return {
      tier,
      reasons: [`INR ${fmt(state.inr.value)} already above range`],
      evidence: [labEvidence(state.inr, 'INR')],
      riskFactors: true,
    };
  }
  return { tier, reasons: [], evidence: [], riskFactors: false };
};

const lithium: Evaluator = ({ tier, state }) => {
  if (state.egfr && state.egfr.value < 60) {
    return {
      tier,
      reasons: [`eGFR ${fmt(state.egfr.value)} (< 60)`],
      evidence: [labEvidence(state.egfr, 'eGFR')],
      riskFactors: true,
    };
  }
  return { tier, reasons: [], evidence: [], riskFactors: false };
};

const EVALUATORS: Record<ContextId, Evaluator> = {
  'warfarin-nsaid': warfarinNsaid,
  'digoxin-cyclosporine': digoxinCyclosporine,
  hyperkalemia,
  qt,
  'statin-dose': statinDose,
  inr,
  lithium,
};

/** Runs a rule's context evaluator. */
export function evaluateContext(context: ContextId, input: PairInput): ContextOutcome {
  return EVALUATORS[context](input);
}

import type { AllergyFact } from '../patient/index.js';
import type { MedAlert } from './alert-schema.js';
import { alertDrug, TOLERATED_DAYS } from './ddi.js';
import { drugInfo, selectorMatches } from './drug-index.js';
import { CROSS_SENSITIVITY_RULES, DUPLICATE_CLASSES } from './knowledge/allergy.js';
import { REF } from './knowledge/references.js';
import type { Tier } from './knowledge/schema.js';
import { MEDS_KNOWLEDGE_VERSION } from './knowledge/version.js';
import { ourIngredients, type MedEntry } from './med-list.js';
import type { PatientState } from './patient-state.js';
import { clip, daysBetween } from './tiers.js';

type Base = Pick<MedAlert, 'knowledgeVersion' | 'origin' | 'alsoMatched'>;
const BASE: Base = { knowledgeVersion: MEDS_KNOWLEDGE_VERSION, origin: 'vitalis', alsoMatched: [] };
const name = (rxcui: string): string => drugInfo(rxcui)?.name ?? rxcui;

function severe(a: AllergyFact): boolean {
  return (
    a.criticality === 'high' ||
    a.reactions.some(
      (r) =>
        r.severity === 'severe' || r.manifestations.some((m) => /anaphyla|angioedema|stevens|toxic epidermal/i.test(m)),
    )
  );
}

function takenLong(e: MedEntry, now: string): boolean {
  return e.status === 'active' && (daysBetween(e.start, now) ?? 0) >= TOLERATED_DAYS;
}

/** Allergy alerts: the same ingredient as a recorded allergy, or cross-sensitivity by class. */
export function allergyAlerts(targets: readonly MedEntry[], state: PatientState): MedAlert[] {
  const out: MedAlert[] = [];
  for (const e of targets) {
    for (const allergy of state.allergies) {
      const resolved = allergy.ingredients.map((i) => i.rxcui).filter((r): r is string => r !== null);
      const allergens = resolved.length > 0 ? resolved : ourIngredients(allergy.codes.map((c) => c.code));
      const same = e.rxcuis.find((r) => allergens.includes(r));
      let ruleId: string;
      let tier: Tier;
      let note: string;
      let reference: string;
      if (same) {
        ruleId = 'allergy-same-ingredient';
        tier = severe(allergy) ? 'hard-stop' : 'interruptive';
        note = `Recorded allergy to ${name(same)}.`;
        reference = REF.allergyPenicillin;
      } else {
        const cross = CROSS_SENSITIVITY_RULES.find(
          (r) =>
            allergens.some((x) => selectorMatches(r.allergen, x)) && e.rxcuis.some((x) => selectorMatches(r.drug, x)),
        );
        if (!cross) {
          continue;
        }
        ruleId = cross.id;
        tier = severe(allergy) ? cross.severeTier : cross.tier;
        note = `Allergy to ${allergy.text}: ${cross.note}`;
        reference = cross.reference;
      }
      const reasons: string[] = [];
      if (tier !== 'hard-stop' && takenLong(e, state.now)) {
        tier = 'informational';
        reasons.push(`taken for ${String(TOLERATED_DAYS)}+ days: allergy label may be outdated`);
      }
      out.push({
        ...BASE,
        id: `${ruleId}:${e.key}:${allergy.id}`,
        category: 'allergy',
        ruleId,
        reference,
        tier,
        baseTier: tier,
        summary: clip(
          `${e.label}: ${same ? 'patient is allergic to it' : `cross-sensitivity with allergy to ${allergy.text}`}`,
        ),
        detail: note,
        drugs: [alertDrug(e)],
        reasons,
        evidence: [{ factId: allergy.id, source: allergy.source, what: 'allergy' }],
        suggestions:
          tier === 'informational' || e.status !== 'order'
            ? []
            : [{ action: { kind: 'cancel-order', label: `Cancel ${e.label}` }, target: e.key }],
      });
    }
  }
  return out;
}

/** Duplicate therapy: the same ingredient twice, or two drugs of a duplicate-prone class. */
export function duplicateAlerts(entries: readonly MedEntry[]): MedAlert[] {
  const current = entries.filter((e) => e.status !== 'past');
  const hasOrders = current.some((e) => e.status === 'order');
  const out: MedAlert[] = [];
  current.forEach((x, i) => {
    for (const y of current.slice(i + 1)) {
      if (hasOrders && x.status !== 'order' && y.status !== 'order') {
        continue;
      }
      const same = x.rxcuis.find((r) => y.rxcuis.includes(r));
      const klass = same
        ? undefined
        : DUPLICATE_CLASSES.find((c) => {
            const has = (e: MedEntry): boolean =>
              e.rxcuis.some((r) => r !== '1191' && (drugInfo(r)?.classes.has(c.class) ?? false));
            return has(x) && has(y);
          });
      if (!same && !klass) {
        continue;
      }
      const eitherLocal = x.route === 'local' || y.route === 'local';
      // The same product again is most often a renewal: inform rather than interrupt.
      const renewal = same !== undefined && x.label.toLowerCase() === y.label.toLowerCase();
      const tier: Tier = same && hasOrders && !eitherLocal && !renewal ? 'interruptive' : 'informational';
      const order = x.status === 'order' ? x : y;
      out.push({
        ...BASE,
        id: `duplicate:${x.key}+${y.key}`,
        category: 'duplicate',
        ruleId: same ? 'duplicate-ingredient' : `duplicate-class-${klass?.class ?? ''}`,
        reference: REF.duplicate,
        tier,
        baseTier: tier,
        summary: clip(`Duplicate therapy: ${x.label} and ${y.label} (${same ? name(same) : (klass?.label ?? '')})`),
        detail: same
          ? `Both contain ${name(same)}: risk of double dosing.`
          : `Two ${klass?.label ?? ''} at once are rarely intended.`,
        drugs: [alertDrug(x), alertDrug(y)],
        reasons: [
          ...(eitherLocal ? ['one of them is for local use'] : []),
          ...(renewal ? ['same product as an active order: renewal?'] : []),
        ],
        evidence: [],
        suggestions:
          tier === 'interruptive' && order.status === 'order'
            ? [{ action: { kind: 'cancel-order', label: `Cancel the duplicate ${order.label}` }, target: order.key }]
            : [],
      });
    }
  });
  return out;
}

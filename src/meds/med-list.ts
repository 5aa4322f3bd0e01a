import type { MedicationRequest, Resource } from '@medplum/fhirtypes';
import type { MedicationFact, PatientContext } from '../patient/index.js';
import { resolveIngredients } from '../patient/index.js';
import { drugInfo } from './drug-index.js';
import { PRODUCTS } from './knowledge/products.js';

/** How a drug reaches the body: local routes lower the tier of systemic-only interactions. */
export type RouteKind = 'systemic' | 'local';

/** One drug the checks look at: an active medication, a draft order or a past medication. */
export interface MedEntry {
  /** Fact id (`MedicationRequest/x`), or `order:N` for an order given by code. */
  key: string;
  label: string;
  rxcuis: string[];
  status: 'order' | 'active' | 'past';
  route: RouteKind;
  start: string | null;
  end: string | null;
  dailyDoseMg: number | null;
  /** Exact resource version for provenance (null for orders given by code). */
  source: string | null;
}

const LOCAL_ROUTE =
  /topical|cutaneous|ophthalm|otic|\beye\b|\bear\b|inhal|respiratory tract|nasal|vaginal|rectal cream|gel\b|cream|ointment|lotion/i;
const LOCAL_ROUTE_CODES = new Set(['6064005', '54485002', '10547007', '447694001', '18679011000001101', '46713006']);
const products = new Map(PRODUCTS.map((p) => [p.rxcui, p]));

function routeKind(texts: (string | null | undefined)[], codes: (string | null | undefined)[]): RouteKind {
  if (codes.some((c) => c !== null && c !== undefined && LOCAL_ROUTE_CODES.has(c))) {
    return 'local';
  }
  return texts.some((t) => t && LOCAL_ROUTE.test(t) && !/transdermal|patch/i.test(t)) ? 'local' : 'systemic';
}

function strengthMg(text: string): number | null {
  const m = /(\d+(?:\.\d+)?)\s*MG\b(?!\s*\/)/i.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}

function perDay(text: string | null): number | null {
  if (!text) {
    return null;
  }
  if (/twice daily|\bbid\b|2 times daily|two times/i.test(text)) {
    return 2;
  }
  if (/three times|\btid\b|3 times daily/i.test(text)) {
    return 3;
  }
  if (/four times|\bqid\b|4 times daily/i.test(text)) {
    return 4;
  }
  const m = /(\d+) times (?:daily|per 1 d)/i.exec(text);
  if (m?.[1]) {
    return Number(m[1]);
  }
  return /once daily|daily|\bqd\b|every day|at bedtime|nightly/i.test(text) ? 1 : null;
}

/** Daily dose in mg from the product strength and the dosage text (one unit per dose unless "N mg" is written). */
export function dailyDoseMg(productText: string, dosageText: string | null): number | null {
  const doseInText = dosageText ? /(\d+(?:\.\d+)?)\s*mg\b/i.exec(dosageText) : null;
  const perDose = doseInText?.[1] ? Number(doseInText[1]) : strengthMg(productText);
  const times = perDay(dosageText);
  return perDose !== null && times !== null ? perDose * times : null;
}

/** Ingredient RxCUIs of a coded drug our own tables know (when the patient context's table does not). */
export function ourIngredients(codes: readonly (string | null | undefined)[]): string[] {
  for (const code of codes) {
    if (!code) {
      continue;
    }
    const product = products.get(code);
    if (product) {
      return [...product.ingredients];
    }
    if (drugInfo(code)) {
      return [code];
    }
  }
  return [];
}

/** Turns a medication fact into an entry (status from its active flag). */
export function entryFromFact(fact: MedicationFact): MedEntry {
  const resolved = fact.ingredients.map((i) => i.rxcui).filter((r): r is string => r !== null);
  const rxcuis = resolved.length > 0 ? resolved : ourIngredients([fact.rxnorm, ...fact.codes.map((c) => c.code)]);
  const product = fact.rxnorm ? products.get(fact.rxnorm) : undefined;
  return {
    key: fact.id,
    label: /^\d+$/.test(fact.text) ? rxcuis.map((r) => drugInfo(r)?.name ?? r).join(' / ') : fact.text,
    rxcuis,
    status: fact.flags.active === true ? 'active' : 'past',
    route: product
      ? product.route === 'topical' || product.route === 'ophthalmic' || product.route === 'inhaled'
        ? 'local'
        : 'systemic'
      : routeKind([fact.route?.display, fact.route?.code, fact.text], [fact.route?.code]),
    start: fact.effectiveTime ?? fact.authoredOn,
    end: fact.effectiveEnd,
    dailyDoseMg: dailyDoseMg(fact.text, fact.dosageText),
    source: fact.source,
  };
}

/** An order given as `rxnorm:CODE` (ingredient, or a product from our table or the patient context's table). */
export function entryFromCode(code: string, index: number, now: string): MedEntry | null {
  const rxcui = code.replace(/^rxnorm:/i, '').trim();
  const product = products.get(rxcui);
  let rxcuis: string[];
  let label: string;
  let route: RouteKind = 'systemic';
  let dose: number | null = null;
  if (product) {
    rxcuis = [...product.ingredients];
    label = product.name;
    route =
      product.route === 'topical' || product.route === 'ophthalmic' || product.route === 'inhaled'
        ? 'local'
        : 'systemic';
    dose = product.strengthMg ?? null;
  } else {
    const info = drugInfo(rxcui);
    if (info) {
      rxcuis = [info.rxcui];
      label = info.name;
    } else {
      const found = resolveIngredients({
        coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: rxcui }],
      });
      rxcuis = found.map((i) => i.rxcui).filter((r): r is string => r !== null);
      label = found.map((i) => i.name).join(' / ');
    }
  }
  if (rxcuis.length === 0) {
    return null;
  }
  return {
    key: `order:${String(index + 1)}`,
    label,
    rxcuis,
    status: 'order',
    route,
    start: now,
    end: null,
    dailyDoseMg: dose,
    source: null,
  };
}

/** A draft MedicationRequest from a CDS Hooks call. */
export function entryFromDraft(resource: Resource, now: string): MedEntry | null {
  if (resource.resourceType !== 'MedicationRequest') {
    return null;
  }
  const mr: MedicationRequest = resource;
  const concept = mr.medicationCodeableConcept;
  const rxcuis = resolveIngredients(
    concept ?? (mr.medicationReference?.display ? { text: mr.medicationReference.display } : undefined),
  )
    .map((i) => i.rxcui)
    .filter((r): r is string => r !== null);
  const code = concept?.coding?.find((c) => c.system?.includes('rxnorm'))?.code;
  const product = code ? products.get(code) : undefined;
  if (rxcuis.length === 0) {
    rxcuis.push(...ourIngredients([code]));
  }
  if (rxcuis.length === 0) {
    return null;
  }
  const label = concept?.text ?? concept?.coding?.[0]?.display ?? mr.medicationReference?.display ?? 'draft order';
  const dosage = mr.dosageInstruction?.[0];
  const routeCoding = dosage?.route?.coding?.[0];
  const repeat = dosage?.timing?.repeat;
  const dq = dosage?.doseAndRate?.[0]?.doseQuantity;
  const perDose = dq?.value !== undefined && /mg/i.test(dq.unit ?? dq.code ?? '') ? dq.value : strengthMg(label);
  const times =
    repeat?.frequency !== undefined && repeat.period === 1 && repeat.periodUnit === 'd'
      ? repeat.frequency
      : perDay(dosage?.text ?? null);
  return {
    key: mr.id ? `MedicationRequest/${mr.id}` : 'MedicationRequest/draft',
    label,
    rxcuis,
    status: 'order',
    route: product
      ? product.route === 'topical'
        ? 'local'
        : 'systemic'
      : routeKind([routeCoding?.display, dosage?.route?.text, label], [routeCoding?.code]),
    start: mr.authoredOn ?? now,
    end: null,
    dailyDoseMg: perDose !== null && times !== null ? perDose * times : null,
    source: null,
  };
}

/** The patient's medications as entries (active and past), newest first as in the context. */
export function entriesFromContext(ctx: PatientContext): MedEntry[] {
  return ctx.medications.map(entryFromFact).filter((e) => e.rxcuis.length > 0);
}

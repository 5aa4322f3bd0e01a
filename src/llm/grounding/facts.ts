import type { DdxResult } from '../../ddx/contract.js';
import {
  ingredientsFromText,
  type FactBase,
  type MedicationFact,
  type AllergyFact,
  type PatientContext,
} from '../../patient/index.js';
import { extractLaterality, extractNumbers, unitKey, type Laterality } from './extract.js';

/** A fact as the grounding verifier and the prompts see it: what a sentence citing it may state. */
export interface GroundingFact {
  /** Citation key: the fact id (`Observation/bp1#8480-6`); the versioned `source` is accepted too. */
  id: string;
  source: string;
  kind: string;
  label: string;
  /** One line for the prompt: `[id] kind: label = value unit (date)`. */
  line: string;
  numbers: { value: number; unit: string | null }[];
  /** The fact's measured value as recorded (canonical unit), for templates. */
  quantity: { value: number; unit: string | null } | null;
  /** Dates at day precision, `YYYY-MM-DD`. */
  dates: string[];
  laterality: Laterality[];
  /** Lower-case drug ingredient names. */
  drugs: string[];
  /** Lower-case words of the label (for matching concepts). */
  terms: string[];
}

const GENERIC = new Set(
  'with without from that this have been disorder disease finding history chronic acute severe mild moderate normal abnormal level levels blood serum plasma total count patient status active result results value test mass body oral tablet capsule injection solution daily dose left right situation procedure encounter visit check screening rate function panel stage type unspecified primary secondary measurement observation presence general assessment qualifier finding'.split(
    ' ',
  ),
);

/** Lower-case content words of a label (4+ letters, minus generic clinical words). */
export function keyTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z\u00c0-\u024f]{4,}/g) ?? [];
  return [...new Set(words.filter((w) => !GENERIC.has(w)))];
}

function day(value: string | null | undefined): string[] {
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? [value.slice(0, 10)] : [];
}

function valueText(f: FactBase): string {
  const v = f.value;
  if (!v) return '';
  switch (v.type) {
    case 'quantity':
      return ` = ${v.comparator ?? ''}${v.value}${v.unit ? ` ${v.unit}` : ''}`;
    case 'coded':
      return ` = ${v.text ?? v.coding?.display ?? v.coding?.code ?? ''}`;
    case 'text':
      return ` = ${v.text.slice(0, 120)}`;
    case 'boolean':
      return ` = ${v.value ? 'yes' : 'no'}`;
  }
}

function extraDates(f: FactBase): string[] {
  const rec = f as unknown as Record<string, unknown>;
  return ['onset', 'abatement', 'recordedDate', 'authoredOn'].flatMap((k) => {
    const v = rec[k];
    return typeof v === 'string' ? day(v) : [];
  });
}

function extraText(f: FactBase): string {
  const rec = f as unknown as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof rec['dosageText'] === 'string') parts.push(rec['dosageText']);
  for (const key of ['bodySites', 'reactions']) {
    const list = rec[key];
    if (Array.isArray(list)) {
      for (const item of list as Record<string, unknown>[]) {
        if (typeof item['display'] === 'string') parts.push(item['display']);
        const manifestations = item['manifestations'];
        if (Array.isArray(manifestations)) parts.push(...manifestations.filter((m) => typeof m === 'string'));
      }
    }
  }
  return parts.join('; ');
}

function drugNames(f: FactBase, text: string): string[] {
  const names = new Set(ingredientsFromText(text).map((i) => i.name));
  if (f.kind === 'medication' || f.kind === 'allergy') {
    for (const i of (f as MedicationFact | AllergyFact).ingredients) names.add(i.name.toLowerCase());
  }
  return [...names];
}

/** Converts a patient-context fact into a grounding fact. */
export function groundingFact(f: FactBase): GroundingFact {
  const extra = extraText(f);
  const text = `${f.text}${extra ? ` (${extra})` : ''}`;
  const numbers: GroundingFact['numbers'] = extractNumbers(text).map((n) => ({ value: n.value, unit: n.unit }));
  if (f.value?.type === 'quantity') {
    const unit = f.value.unit ? unitKey(f.value.unit) : null;
    numbers.push({ value: f.value.value, unit });
    numbers.push({
      value: f.value.original.value,
      unit: f.value.original.unit ? unitKey(f.value.original.unit) : null,
    });
  }
  const dates = [...new Set([...day(f.effectiveTime), ...day(f.effectiveEnd), ...extraDates(f)])];
  const status = f.flags.active === false ? ' [inactive]' : f.flags.abnormal ? ' [abnormal]' : '';
  const when = dates[0] ? ` (${dates[0]})` : '';
  return {
    id: f.id,
    source: f.source,
    kind: f.kind,
    label: f.text,
    line: `[${f.id}] ${f.kind}: ${text}${valueText(f)}${when}${status}`,
    numbers,
    quantity: f.value?.type === 'quantity' ? { value: f.value.value, unit: f.value.unit } : null,
    dates,
    laterality: extractLaterality(text),
    drugs: drugNames(f, text),
    terms: keyTerms(text),
  };
}

/** The patient's own fact (age and sex), cited as `Patient/<id>`. */
export function patientFact(ctx: PatientContext): GroundingFact {
  const age = ctx.patient.age?.years ?? null;
  const label = `${age === null ? 'age unknown' : `${age}-year-old`} ${ctx.patient.sex}`;
  return {
    id: `Patient/${ctx.patient.id}`,
    source: ctx.patient.source,
    kind: 'patient',
    label,
    line: `[Patient/${ctx.patient.id}] patient: ${label}`,
    numbers: age === null ? [] : [{ value: age, unit: null }],
    quantity: null,
    dates: day(ctx.patient.birthDate),
    laterality: [],
    drugs: [],
    terms: [ctx.patient.sex],
  };
}

/** Grounding facts for a differential: findings (cited by finding id) and conditions (by condition id). */
export function factsFromDdx(result: DdxResult): GroundingFact[] {
  const findings = result.findings.map((f): GroundingFact => {
    const label = `${f.present ? '' : 'absent: '}${f.label}`;
    return {
      id: f.id,
      source: f.source.kind === 'fact' ? f.source.resource : `finding/${f.id}`,
      kind: 'finding',
      label,
      line: `[${f.id}] finding: ${label}`,
      numbers: extractNumbers(f.label).map((n) => ({ value: n.value, unit: n.unit })),
      quantity: null,
      dates: [],
      laterality: extractLaterality(f.label),
      drugs: ingredientsFromText(f.label).map((i) => i.name),
      terms: keyTerms(f.label),
    };
  });
  const conditions = result.differential.map((d): GroundingFact => {
    const pct = Math.round(d.probability * 1000) / 10;
    const support = d.for.map((w) => w.label).join(', ');
    return {
      id: d.condition,
      source: `condition/${d.condition}`,
      kind: 'condition',
      label: d.name,
      line: `[${d.condition}] condition: ${d.name}, probability ${pct} %, group ${d.group}; for: ${support || 'none'}; against: ${d.against.map((w) => w.label).join(', ') || 'none'}`,
      numbers: [
        { value: pct, unit: '%' },
        { value: Math.round(d.probability * 100), unit: '%' },
        { value: d.probability, unit: null },
        ...extractNumbers(d.name).map((n) => ({ value: n.value, unit: n.unit })),
      ],
      quantity: null,
      dates: [],
      laterality: extractLaterality(d.name),
      drugs: [],
      terms: keyTerms(`${d.name} ${d.group}`),
    };
  });
  return [...findings, ...conditions];
}

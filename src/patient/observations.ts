import type { CodeableConcept, Observation, ObservationComponent } from '@medplum/fhirtypes';
import type { ObservationFact } from './fact-schema.js';
import { baseFact, conceptCodes, conceptCodings, SYSTEMS } from './fhir-helpers.js';
import { abnormalFlag, observationValue, referenceRange } from './observation-values.js';
import type { LoincUnitEntry } from './knowledge/loinc-units.js';
import { loincEntry } from './units.js';

const VITAL_CATEGORIES = new Set(['vital-signs', 'vital-sign']);
const LAB_CATEGORIES = new Set(['laboratory']);

/** Options for turning observations into facts. */
export interface ObservationOptions {
  /** Apply default adult reference intervals when a lab has none (true for patients aged 18 or more). */
  adultDefaults: boolean;
}

function loincOf(concept: CodeableConcept | undefined): string | null {
  return concept?.coding?.find((c) => c.system === SYSTEMS.loinc && c.code)?.code ?? null;
}

const LOINC_FIRST: readonly string[] = [SYSTEMS.loinc];

function kindOf(entry: LoincUnitEntry | undefined, category: readonly string[]): ObservationFact['kind'] {
  if (entry?.vital !== undefined || category.some((c) => VITAL_CATEGORIES.has(c))) {
    return 'vital';
  }
  if (category.some((c) => LAB_CATEGORIES.has(c)) || (entry !== undefined && category.length === 0)) {
    return 'lab';
  }
  return 'observation';
}

/** The parts of an observation that all of its facts share (computed once per observation). */
interface Shared {
  category: string[];
  effectiveTime: string | undefined;
  effectiveEnd: string | undefined;
}

function buildFact(
  observation: Observation,
  part: { concept: CodeableConcept | undefined; valued: Observation | ObservationComponent; suffix?: string },
  ctx: { options: ObservationOptions; shared: Shared },
): ObservationFact {
  const { category, effectiveTime, effectiveEnd } = ctx.shared;
  const loinc = loincOf(part.concept);
  const entry = loincEntry(loinc);
  const kind = kindOf(entry, category);
  const base = baseFact({
    resource: observation,
    kind,
    concept: part.concept,
    preferred: LOINC_FIRST,
    ...(part.suffix === undefined ? {} : { suffix: part.suffix }),
    effectiveTime,
    effectiveEnd,
    status: observation.status,
    encounter: observation.encounter,
  });
  const value = observationValue(part.valued, loinc);
  const range = referenceRange(part.valued.referenceRange, value, loinc, ctx.options.adultDefaults && kind === 'lab');
  const interpretation = part.valued.interpretation ? part.valued.interpretation.flatMap((i) => conceptCodings(i)) : [];
  return {
    ...base,
    kind,
    value,
    flags: { active: null, abnormal: abnormalFlag(interpretation, value, range) },
    category: part.suffix === undefined ? category : [...category],
    loinc,
    vitalSign: entry?.vital ?? null,
    referenceRange: range,
    interpretation,
    panel: part.suffix === undefined ? null : base.id.slice(0, base.id.indexOf('#')),
  };
}

function hasValue(v: Observation | ObservationComponent): boolean {
  return (
    v.valueQuantity !== undefined ||
    v.valueCodeableConcept !== undefined ||
    v.valueString !== undefined ||
    v.valueBoolean !== undefined ||
    v.valueInteger !== undefined ||
    v.valueDateTime !== undefined ||
    v.valueTime !== undefined
  );
}

/**
 * Turns an Observation into facts: one for its own value, plus one per valued component (suffix = the component's
 * code, e.g. `Observation/bp#8480-6` for a systolic pressure in a blood-pressure panel).
 */
export function observationFacts(observation: Observation, options: ObservationOptions): ObservationFact[] {
  const components = observation.component ? observation.component.filter(hasValue) : [];
  const shared: Shared = {
    category: conceptCodes(observation.category),
    effectiveTime:
      observation.effectiveDateTime ??
      observation.effectivePeriod?.start ??
      observation.effectiveInstant ??
      observation.issued,
    effectiveEnd: observation.effectivePeriod?.end,
  };
  const ctx = { options, shared };
  const facts: ObservationFact[] = [];
  if (hasValue(observation) || components.length === 0) {
    facts.push(buildFact(observation, { concept: observation.code, valued: observation }, ctx));
  }
  const used = new Set<string>();
  components.forEach((component, index) => {
    const code = conceptCodings(component.code, [SYSTEMS.loinc])[0]?.code ?? String(index);
    const suffix = used.has(code) ? `${code}-${index}` : code;
    used.add(suffix);
    facts.push(buildFact(observation, { concept: component.code, valued: component, suffix }, ctx));
  });
  return facts;
}

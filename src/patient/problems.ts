import type { AllergyIntolerance, Condition } from '@medplum/fhirtypes';
import type { AllergyFact, ProblemFact, Reaction } from './fact-schema.js';
import { baseFact, codesOf, conceptCodes, conceptText, firstCode, SYSTEMS, toCoding } from './fhir-helpers.js';
import { resolveIngredients } from './ingredients.js';

const ACTIVE_CLINICAL = new Set(['active', 'recurrence', 'relapse']);

/** Turns a Condition into a problem fact (SNOMED CT first, then ICD-10-CM). */
export function problemFact(condition: Condition): ProblemFact {
  const clinicalStatus = firstCode(condition.clinicalStatus);
  const verificationStatus = firstCode(condition.verificationStatus);
  const onset = condition.onsetDateTime ?? condition.onsetPeriod?.start ?? null;
  const abatement =
    condition.abatementDateTime ?? condition.abatementPeriod?.end ?? condition.abatementPeriod?.start ?? null;
  const base = baseFact({
    resource: condition,
    kind: 'problem',
    concept: condition.code,
    preferred: [SYSTEMS.snomed, SYSTEMS.icd10cm, SYSTEMS.icd10],
    effectiveTime: onset ?? condition.recordedDate,
    effectiveEnd: abatement ?? undefined,
    status: clinicalStatus,
    encounter: condition.encounter,
  });
  const refuted = verificationStatus === 'refuted';
  const active = clinicalStatus ? ACTIVE_CLINICAL.has(clinicalStatus) && !refuted : abatement ? false : null;
  return {
    ...base,
    kind: 'problem',
    flags: { active, abnormal: null },
    clinicalStatus,
    verificationStatus,
    category: conceptCodes(condition.category),
    snomed: codesOf(base.codes, SYSTEMS.snomed),
    icd10: codesOf(base.codes, SYSTEMS.icd10cm, SYSTEMS.icd10),
    onset,
    abatement,
    recordedDate: condition.recordedDate ?? null,
  };
}

/** Turns an AllergyIntolerance into an allergy fact, with drug ingredients for drug-allergy checks. */
export function allergyFact(allergy: AllergyIntolerance): AllergyFact {
  const clinicalStatus = firstCode(allergy.clinicalStatus);
  const verificationStatus = firstCode(allergy.verificationStatus);
  const base = baseFact({
    resource: allergy,
    kind: 'allergy',
    concept: allergy.code,
    preferred: [SYSTEMS.rxnorm, SYSTEMS.snomed],
    effectiveTime: allergy.onsetDateTime ?? allergy.onsetPeriod?.start ?? allergy.recordedDate,
    effectiveEnd: allergy.lastOccurrence,
    status: clinicalStatus,
    encounter: allergy.encounter,
  });
  const reactions: Reaction[] = (allergy.reaction ?? []).map((r) => ({
    substance: toCoding(r.substance?.coding?.[0]),
    manifestations: (r.manifestation ?? []).map((m) => conceptText(m)).filter((t) => t !== ''),
    severity: r.severity ?? null,
  }));
  const active = clinicalStatus ? clinicalStatus === 'active' && verificationStatus !== 'refuted' : null;
  return {
    ...base,
    kind: 'allergy',
    flags: { active, abnormal: null },
    clinicalStatus,
    verificationStatus,
    type: allergy.type ?? null,
    category: [...(allergy.category ?? [])],
    criticality: allergy.criticality ?? null,
    reactions,
    ingredients: resolveIngredients(allergy.code),
  };
}

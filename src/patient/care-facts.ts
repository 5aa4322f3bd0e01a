import type { Encounter, ImagingStudy, Immunization, Procedure } from '@medplum/fhirtypes';
import type { EncounterFact, ImagingFact, ImmunizationFact, ProcedureFact } from './fact-schema.js';
import { baseFact, codesOf, conceptCodings, SYSTEMS, toCoding } from './fhir-helpers.js';
import type { Coding } from './fact-schema.js';

/** Turns an Encounter into a fact (code = first type; active while in progress). */
export function encounterFact(encounter: Encounter): EncounterFact {
  const base = baseFact({
    resource: encounter,
    kind: 'encounter',
    concept: encounter.type?.[0],
    preferred: [SYSTEMS.snomed],
    effectiveTime: encounter.period?.start,
    effectiveEnd: encounter.period?.end,
    status: encounter.status,
  });
  return {
    ...base,
    kind: 'encounter',
    flags: { active: encounter.status === 'in-progress' || encounter.status === 'arrived', abnormal: null },
    class: encounter.class?.code ?? null,
    reasons: (encounter.reasonCode ?? []).flatMap((r) => conceptCodings(r, [SYSTEMS.snomed])),
  };
}

/** Turns a Procedure into a fact. */
export function procedureFact(procedure: Procedure): ProcedureFact {
  const base = baseFact({
    resource: procedure,
    kind: 'procedure',
    concept: procedure.code,
    preferred: [SYSTEMS.snomed],
    effectiveTime: procedure.performedDateTime ?? procedure.performedPeriod?.start,
    effectiveEnd: procedure.performedPeriod?.end,
    status: procedure.status,
    encounter: procedure.encounter,
  });
  return {
    ...base,
    kind: 'procedure',
    flags: { active: procedure.status === 'in-progress', abnormal: null },
    reasons: (procedure.reasonCode ?? []).flatMap((r) => conceptCodings(r, [SYSTEMS.snomed])),
    bodySites: (procedure.bodySite ?? []).flatMap((r) => conceptCodings(r, [SYSTEMS.snomed])),
  };
}

/** Turns an Immunization into a fact (CVX code first). */
export function immunizationFact(immunization: Immunization): ImmunizationFact {
  const base = baseFact({
    resource: immunization,
    kind: 'immunization',
    concept: immunization.vaccineCode,
    preferred: [SYSTEMS.cvx],
    effectiveTime: immunization.occurrenceDateTime ?? immunization.recorded,
    status: immunization.status,
    encounter: immunization.encounter,
  });
  return { ...base, kind: 'immunization', cvx: codesOf(base.codes, SYSTEMS.cvx)[0] ?? null };
}

/** Turns an ImagingStudy into a fact (code = first procedure code, else first modality). */
export function imagingFact(study: ImagingStudy): ImagingFact {
  const modalities = (study.modality ?? []).map((m) => toCoding(m)).filter((c): c is Coding => c !== null);
  const firstModality = study.modality?.[0];
  const concept = study.procedureCode?.[0] ?? (firstModality ? { coding: [firstModality] } : undefined);
  const base = baseFact({
    resource: study,
    kind: 'imaging',
    concept: study.description && !concept?.text ? { ...concept, text: study.description } : concept,
    preferred: [SYSTEMS.snomed, SYSTEMS.loinc],
    effectiveTime: study.started,
    status: study.status,
    encounter: study.encounter,
  });
  const bodySites = new Map<string, Coding>();
  for (const series of study.series ?? []) {
    const site = toCoding(series.bodySite);
    if (site) {
      bodySites.set(`${site.system ?? ''}|${site.code}`, site);
    }
  }
  return {
    ...base,
    kind: 'imaging',
    modalities,
    bodySites: [...bodySites.values()],
    numberOfSeries: study.numberOfSeries ?? study.series?.length ?? null,
    numberOfInstances: study.numberOfInstances ?? null,
  };
}

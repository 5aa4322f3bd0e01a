import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../../../fhir/definitions.js';
import { openTestStore, testStoreNames, type TestStore } from '../test-support/stores.js';
import { ids, seedFixtures } from './test-support/seed.js';

describe.each(testStoreNames())('search filters on %s', (name) => {
  let store: TestStore;
  const q = (url: string): Promise<string[]> => ids(store.db, url);
  beforeAll(async () => {
    loadFhirDefinitions();
    store = await openTestStore(name);
    await seedFixtures(store.db);
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it.each([
    ['date=2020-03', ['o1', 'o3']],
    ['date=eq2020', ['o1', 'o3', 'o5']],
    ['date=ne2020', ['o2', 'o4']],
    ['date=gt2020-03-15', ['o2', 'o3', 'o5']],
    ['date=lt2020-03-15', ['o3', 'o4', 'o5']],
    ['date=ge2020-03-15', ['o1', 'o2', 'o3', 'o5']],
    ['date=le2020-03-15', ['o1', 'o3', 'o4', 'o5']],
    ['date=sa2020-03-15', ['o2']],
    ['date=eb2020-03-15', ['o4']],
    ['date=ap2020-03-15', ['o1', 'o3', 'o4', 'o5']],
    ['date=2020-03-15T10:00:00Z', ['o1']],
    ['date=2020-03-15T12:00:00+02:00', ['o1']],
    ['date=2020-03-15T12:00:00%2B02:00', ['o1']],
    ['date=ge2020&date=lt2021', ['o1', 'o3', 'o5']],
    ['date:missing=true', ['o6']],
    ['date:missing=false', ['o1', 'o2', 'o3', 'o4', 'o5']],
  ])('date prefix Observation?%s', async (query, expected) => {
    expect(await q(`Observation?${query}`)).toEqual(expected);
  });

  it.each([
    ['value-quantity=72', ['o1']],
    ['value-quantity=72.0', ['o1']],
    ['value-quantity=70.5', ['o3']],
    ['value-quantity=ne72', ['o2', 'o3', 'o4', 'o5']],
    ['value-quantity=gt80', ['o4']],
    ['value-quantity=ge80', ['o2', 'o4']],
    ['value-quantity=lt72', ['o3', 'o5']],
    ['value-quantity=le72', ['o1', 'o3', 'o5']],
    ['value-quantity=sa80', ['o4']],
    ['value-quantity=eb72', ['o3', 'o5']],
    ['value-quantity=ap100', ['o4']],
    ['value-quantity=ap75', ['o1', 'o2', 'o3']],
    ['value-quantity=72|http://unitsofmeasure.org|/min', ['o1']],
    ['value-quantity=72|http://unitsofmeasure.org|kg', []],
    ['value-quantity=5.4||mg', ['o5']],
    ['value-quantity=gt0||/min', ['o1', 'o2', 'o4']],
    ['value-quantity=72,100', ['o1', 'o4']],
    ['value-quantity:missing=true', ['o6']],
  ])('quantity Observation?%s', async (query, expected) => {
    expect(await q(`Observation?${query}`)).toEqual(expected);
  });

  it.each([
    ['probability=0.5', ['ra2']],
    ['probability=ne0.5', ['ra1', 'ra3']],
    ['probability=gt0.5', ['ra3']],
    ['probability=ge0.5', ['ra2', 'ra3']],
    ['probability=lt0.5', ['ra1']],
    ['probability=le0.5', ['ra1', 'ra2']],
    ['probability=sa0.5', ['ra3']],
    ['probability=eb0.5', ['ra1']],
    ['probability=ap0.5', ['ra2']],
    ['probability=ap0.7', ['ra3']],
    ['probability:missing=false', ['ra1', 'ra2', 'ra3']],
  ])('number RiskAssessment?%s', async (query, expected) => {
    expect(await q(`RiskAssessment?${query}`)).toEqual(expected);
  });

  it.each([
    ['Observation?code=8867-4', ['o1', 'o2', 'o4', 'o6']],
    ['Observation?code=http://loinc.org|8867-4', ['o1', 'o2', 'o4', 'o6']],
    ['Observation?code=|X1', ['o5']],
    ['Observation?code=|8867-4', []],
    ['Observation?code=http://loinc.org|', ['o1', 'o2', 'o3', 'o4', 'o6']],
    ['Observation?code:not=8867-4', ['o3', 'o5']],
    ['Observation?code:text=heart', ['o1', 'o2', 'o4', 'o6']],
    ['Observation?code:text=weight', ['o3']],
    ['Observation?status=final,amended', ['o1', 'o2', 'o3', 'o4', 'o5']],
    ['Observation?code=8867-4&status=final', ['o1', 'o2', 'o4']],
    ['Patient?identifier=http://hosp/mrn|MRN1', ['p1']],
    ['Patient?identifier=|X3', ['p3']],
    ['Patient?identifier=MRN2', ['p2']],
    ['Patient?identifier=http://hosp/mrn|', ['p1', 'p2']],
    ['Patient?gender=female,male', ['p1', 'p2']],
    ['Patient?gender:missing=true', ['p3']],
    ['Patient?gender:not=male', ['p1', 'p3']],
    ['Patient?active=true', ['p1']],
    ['Patient?_id=p1,p3', ['p1', 'p3']],
    ['Patient?_id:not=p1', ['p2', 'p3']],
    ['Patient?_lastUpdated=gt2020-01-01', ['p1', 'p2', 'p3']],
    ['Patient?_lastUpdated=lt2020', []],
  ])('token %s', async (url, expected) => {
    expect(await q(url)).toEqual(expected);
  });

  it.each([
    ['name=smi', ['p1']],
    ['name=SMITH', ['p1']],
    ['name=mull', ['p2']],
    ['name=ann', ['p1']],
    ['name:exact=Smith', ['p1']],
    ['name:exact=smith', []],
    ['name:exact=Müller', ['p2']],
    ['name:contains=ller', ['p2']],
    ['name:contains=MIT', ['p1']],
    ['family=doe', ['p3']],
    ['name=smith&name=ann', ['p1']],
    ['name=smith,doe', ['p1', 'p3']],
    ['name=100%25', []],
    ['birthdate=1975', ['p2']],
    ['birthdate=lt1980', ['p2']],
  ])('string Patient?%s', async (query, expected) => {
    expect(await q(`Patient?${query}`)).toEqual(expected);
  });

  it.each([
    ['Observation?subject=Patient/p1', ['o1', 'o2', 'o3']],
    ['Observation?subject=p1', ['o1', 'o2', 'o3']],
    ['Observation?patient=p1', ['o1', 'o2', 'o3']],
    ['Observation?subject:Patient=p1', ['o1', 'o2', 'o3']],
    ['Observation?subject:Group=p1', []],
    ['Observation?subject=http://elsewhere.org/fhir/Patient/p2', ['o4', 'o5']],
    ['Observation?patient=p1,p3', ['o1', 'o2', 'o3', 'o6']],
    ['Observation?subject:missing=true', []],
    ['Observation?subject:Patient.name=smith', ['o1', 'o2', 'o3']],
    ['Observation?patient.name=muller', ['o4', 'o5']],
    ['Observation?patient.birthdate=lt1979', ['o4', 'o5']],
    ['Observation?patient.gender:missing=true', ['o6']],
    ['Observation?patient.identifier=http://hosp/mrn|MRN1&code=8867-4', ['o1', 'o2']],
    ['Observation?_compartment=Patient/p2', ['o4', 'o5']],
    ['Observation?patient._id=p2', ['o4', 'o5']],
    ['Observation?patient=p1&code=http://loinc.org|8867-4&date=ge2021', ['o2']],
    ['Observation?patient=p1&code:not=8867-4&status:missing=false', ['o3']],
    ['Observation?_compartment=Patient/p1&_id=o1,o3,o4', ['o1', 'o3']],
    ['ValueSet?url=http://example.org/fhir/ValueSet/a', ['vs1']],
    ['ValueSet?url:below=http://example.org/fhir/ValueSet/a', ['vs1', 'vs2']],
    ['ValueSet?url:above=http://example.org/fhir/ValueSet/a/b/c', ['vs1', 'vs2']],
    ['ValueSet?url:missing=false', ['vs1', 'vs2', 'vs3']],
  ])('reference, chain and uri %s', async (url, expected) => {
    expect(await q(url)).toEqual(expected);
  });
});

import type { ChargeItem, Encounter, Observation, Patient, RiskAssessment } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFhirDefinitions } from '../../fhir/definitions.js';
import { extractIndexRows } from './index-extract.js';
import { dateRange, numberRange } from './index-ranges.js';

beforeAll(() => {
  loadFhirDefinitions();
});

describe('dateRange', () => {
  it('covers the implicit range of each precision', () => {
    expect(dateRange('2020')).toEqual({ lo: '2020-01-01T00:00:00.000Z', hi: '2020-12-31T23:59:59.999Z' });
    expect(dateRange('2020-02')).toEqual({ lo: '2020-02-01T00:00:00.000Z', hi: '2020-02-29T23:59:59.999Z' });
    expect(dateRange('2020-03-15')).toEqual({ lo: '2020-03-15T00:00:00.000Z', hi: '2020-03-15T23:59:59.999Z' });
    expect(dateRange('2020-03-15T10:20:30+02:00')).toEqual({
      lo: '2020-03-15T08:20:30.000Z',
      hi: '2020-03-15T08:20:30.999Z',
    });
    expect(dateRange('2020-03-15T10:20:30.250Z')).toEqual({
      lo: '2020-03-15T10:20:30.250Z',
      hi: '2020-03-15T10:20:30.250Z',
    });
    expect(dateRange('not a date')).toBeUndefined();
  });
});

describe('numberRange', () => {
  it('spans half a unit of the last written digit', () => {
    expect(numberRange('1.5')).toEqual({ lo: '1.45', hi: '1.55' });
    expect(numberRange(100)).toEqual({ lo: '99.5', hi: '100.5' });
    expect(numberRange('-0.25')).toEqual({ lo: '-0.255', hi: '-0.245' });
    expect(numberRange('0.0')).toEqual({ lo: '-0.05', hi: '0.05' });
  });
});

describe('extractIndexRows', () => {
  const patient: Patient = {
    resourceType: 'Patient',
    id: 'p1',
    meta: { lastUpdated: '2024-01-02T03:04:05.678Z', versionId: '1' },
    active: true,
    gender: 'female',
    birthDate: '1980-07',
    name: [{ family: 'Bouvier', given: ['Marge', 'Jacqueline'], text: 'Marge  Bouvier' }],
    address: [{ line: ['742 Evergreen Terrace'], city: 'Springfield', postalCode: '49007' }],
    telecom: [{ system: 'phone', value: '555-0100' }],
    identifier: [{ system: 'http://example/mrn', value: 'M-1', type: { text: 'Medical Record Number' } }],
    generalPractitioner: [{ reference: 'Practitioner/dr-h' }],
    link: [{ other: { reference: 'Patient/p0' }, type: 'seealso' }],
  };

  it('indexes strings from HumanName and Address parts, normalized', () => {
    const rows = extractIndexRows({ ...patient, name: [{ family: 'Ramírez', given: ['José'] }] });
    const family = rows.string.filter((r) => r.param === 'family');
    expect(family).toEqual([{ param: 'family', value: 'ramirez', exact: 'Ramírez' }]);
    const name = extractIndexRows(patient)
      .string.filter((r) => r.param === 'name')
      .map((r) => r.value);
    expect(name).toEqual(expect.arrayContaining(['marge bouvier', 'bouvier', 'marge', 'jacqueline']));
    const city = extractIndexRows(patient).string.filter((r) => r.param === 'address-city');
    expect(city).toEqual([{ param: 'address-city', value: 'springfield', exact: 'Springfield' }]);
  });

  it('indexes tokens from code, boolean, Identifier and ContactPoint', () => {
    const rows = extractIndexRows(patient);
    const tok = (param: string): unknown[] => rows.token.filter((r) => r.param === param);
    expect(tok('gender')).toEqual([{ param: 'gender', system: null, code: 'female', display: null }]);
    expect(tok('active')).toEqual([{ param: 'active', system: null, code: 'true', display: null }]);
    expect(tok('identifier')).toEqual([
      { param: 'identifier', system: 'http://example/mrn', code: 'M-1', display: 'medical record number' },
    ]);
    expect(tok('phone')).toEqual([{ param: 'phone', system: 'phone', code: '555-0100', display: null }]);
    // _id and _lastUpdated are searched on resource columns, so they have no index rows.
    expect(tok('_id')).toEqual([]);
  });

  it('indexes dates by precision, but not meta.lastUpdated (a column)', () => {
    const rows = extractIndexRows(patient);
    expect(rows.date.find((r) => r.param === 'birthdate')).toEqual({
      param: 'birthdate',
      lo: '1980-07-01T00:00:00.000Z',
      hi: '1980-07-31T23:59:59.999Z',
    });
    expect(rows.date.find((r) => r.param === '_lastUpdated')).toBeUndefined();
  });

  it('indexes references with target type and id, and the patient compartment', () => {
    const rows = extractIndexRows(patient);
    expect(rows.reference.find((r) => r.param === 'general-practitioner')).toEqual({
      param: 'general-practitioner',
      targetType: 'Practitioner',
      targetId: 'dr-h',
      ref: 'Practitioner/dr-h',
    });
    expect(rows.compartments.sort()).toEqual(['Patient/p0', 'Patient/p1']);
  });

  it('indexes CodeableConcept codings and text, Quantity values with precision ranges, and Period dates', () => {
    const obs: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body Weight' }], text: 'Weight' },
      subject: { reference: 'http://other.example/fhir/Patient/p1' },
      performer: [{ reference: 'Practitioner/dr-h' }],
      effectivePeriod: { start: '2024-05-01' },
      valueQuantity: { value: 72.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    };
    const rows = extractIndexRows(obs);
    expect(rows.token.filter((r) => r.param === 'code')).toEqual([
      { param: 'code', system: 'http://loinc.org', code: '29463-7', display: 'body weight' },
      { param: 'code', system: null, code: null, display: 'weight' },
    ]);
    expect(rows.quantity.find((r) => r.param === 'value-quantity')).toEqual({
      param: 'value-quantity',
      value: '72.5',
      lo: '72.45',
      hi: '72.55',
      system: 'http://unitsofmeasure.org',
      code: 'kg',
      unit: 'kg',
    });
    expect(rows.date.find((r) => r.param === 'date')).toEqual({
      param: 'date',
      lo: '2024-05-01T00:00:00.000Z',
      hi: 'infinity',
    });
    const patientRefs = rows.reference.filter((r) => r.param === 'patient');
    expect(patientRefs).toEqual([
      { param: 'patient', targetType: 'Patient', targetId: 'p1', ref: 'http://other.example/fhir/Patient/p1' },
    ]);
    expect(rows.compartments).toEqual(['Patient/p1']);
    expect(rows.token.some((r) => r.param === 'value-concept')).toBe(false);
  });

  it('does not repeat CodeableConcept.text as its own row when a coding display already says it', () => {
    const obs: Observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8302-2', display: 'Body Height' }], text: 'Body  height' },
    };
    expect(extractIndexRows(obs).token.filter((r) => r.param === 'code')).toEqual([
      { param: 'code', system: 'http://loinc.org', code: '8302-2', display: 'body height' },
    ]);
  });

  it('indexes number parameters and Money quantities', () => {
    const risk: RiskAssessment = {
      resourceType: 'RiskAssessment',
      status: 'final',
      subject: { reference: 'Patient/p1' },
      prediction: [{ probabilityDecimal: 0.25 }],
    };
    expect(extractIndexRows(risk).number).toEqual([{ param: 'probability', value: '0.25', lo: '0.245', hi: '0.255' }]);
    const charge: ChargeItem = {
      resourceType: 'ChargeItem',
      status: 'billable',
      code: { text: 'visit' },
      subject: { reference: 'Patient/p1' },
      priceOverride: { value: 12, currency: 'USD' },
    };
    const price = extractIndexRows(charge).quantity.find((r) => r.param === 'price-override');
    expect(price).toMatchObject({ value: '12', system: 'urn:iso:std:iso:4217', code: 'USD' });
  });

  it('indexes uri parameters and leaves unrelated branches of shared expressions out', () => {
    const enc: Encounter = {
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: 'Group/g1' },
      meta: { profile: ['http://example/StructureDefinition/enc'] },
    };
    const rows = extractIndexRows(enc);
    expect(rows.uri).toEqual([{ param: '_profile', value: 'http://example/StructureDefinition/enc' }]);
    expect(rows.reference.filter((r) => r.param === 'patient')).toEqual([]);
    expect(rows.reference.filter((r) => r.param === 'subject')).toHaveLength(1);
    expect(rows.compartments).toEqual([]);
  });
});

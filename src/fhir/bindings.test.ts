import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { requiredBindingIssues } from './bindings.js';

describe('required bindings of code elements', () => {
  it('accepts codes from the bound value set', () => {
    expect(requiredBindingIssues({ resourceType: 'Observation', status: 'final', code: { text: 'x' } })).toEqual([]);
    expect(requiredBindingIssues({ resourceType: 'Patient', gender: 'female' })).toEqual([]);
    expect(
      requiredBindingIssues({
        resourceType: 'MedicationRequest',
        status: 'active',
        intent: 'order',
        subject: {},
        medicationCodeableConcept: {},
      }),
    ).toEqual([]);
  });

  it('names the element and the value set of a wrong code, in nested and repeated elements too', () => {
    expect(requiredBindingIssues({ resourceType: 'Patient', gender: 'mail' } as unknown as Resource)).toEqual([
      {
        severity: 'error',
        code: 'code-invalid',
        diagnostics: 'Value "mail" is not in the required value set http://hl7.org/fhir/ValueSet/administrative-gender',
        expression: ['Patient.gender'],
      },
    ]);
    const encounter = {
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'AMB' },
      statusHistory: [
        { status: 'arrived', period: {} },
        { status: 'nope', period: {} },
      ],
    } as unknown as Resource;
    expect(requiredBindingIssues(encounter).map((i) => i.expression)).toEqual([['Encounter.statusHistory[1].status']]);
  });
});

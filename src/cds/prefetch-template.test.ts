import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { fillTemplate, prefetchTemplateProblem, tokenValues } from './prefetch-template.js';
import { createCdsRegistry } from './registry.js';
import { summaryCdsService } from './services/summary-service.js';

describe('prefetch templates', () => {
  it('accepts the query forms and tokens the spec allows', () => {
    const ok = [
      'Patient/{{context.patientId}}',
      'Encounter/{{context.encounterId}}',
      'Practitioner/{{userPractitionerId}}',
      'Observation?patient={{context.patientId}}&code=http://loinc.org|4548-4&_sort=-date&_count=1',
      'Observation?patient={{context.patientId}}&date=ge2026-01-01',
      'Condition?patient={{context.patientId}}&code:in=http://example.org/ValueSet/x',
      'MedicationRequest?_id=a,b',
    ];
    for (const t of ok) {
      expect(prefetchTemplateProblem('patient-view', t), t).toBeNull();
    }
  });

  it('rejects other tokens, non-root or non-primitive fields, and query forms outside the restrictions', () => {
    const bad: [string, RegExp][] = [
      ['Patient/{{patientId}}', /neither/],
      ['Patient/{{context.draftOrders}}', /root-level primitive/],
      ['Patient/{{context.patientId.id}}', /root-level primitive/],
      ['Patient/{{context.patientId}', /unbalanced/],
      ['patient/{{context.patientId}}', /resource type/],
      ['Patient/{{context.patientId}}/_history/1', /Type\/id/],
      ['Patient/{{context.patientId}}/Observation?x=1', /type-level/],
      ['Observation?patient={{context.patientId}}&code:text=x', /restrictions/],
      ['Observation?patient={{context.patientId}}&_include=Observation:subject', /restrictions/],
      ['Observation?patient={{context.patientId}}&date=ne2026-01-01', /prefix/],
    ];
    for (const [t, problem] of bad) {
      expect(prefetchTemplateProblem('patient-view', t), t).toMatch(problem);
    }
    expect(prefetchTemplateProblem('order-sign', 'Patient/{{context.selections}}')).toMatch(/root-level primitive/);
  });

  it('fills tokens URL-encoded, derives user ids, and reports templates that cannot be filled', () => {
    const values = tokenValues({ userId: 'PractitionerRole/r 1', patientId: 'p&1' });
    expect(values.get('userPractitionerRoleId')).toBe('r 1');
    expect(values.has('userPractitionerId')).toBe(false);
    expect(fillTemplate('Observation?patient={{context.patientId}}&_count=5', values)).toEqual({
      kind: 'search',
      type: 'Observation',
      params: [
        ['patient', 'p&1'],
        ['_count', '5'],
      ],
    });
    expect(fillTemplate('Patient/{{ context.patientId }}', values)).toEqual({
      kind: 'read',
      type: 'Patient',
      id: 'p&1',
    });
    expect(fillTemplate('Encounter/{{context.encounterId}}', values)).toBeNull();
  });

  it('refuses to register a service with an invalid template, a duplicate id or an unknown hook', () => {
    const base = summaryCdsService();
    const expectConfig = (f: () => unknown): void => {
      try {
        f();
        expect.unreachable();
      } catch (err) {
        expect(isAppError(err, 'VITALIS_CONFIG')).toBe(true);
      }
    };
    expectConfig(() => createCdsRegistry([{ ...base, prefetch: { p: 'Patient/{{context.foo}}' } }]));
    expectConfig(() => createCdsRegistry([base, base]));
    expectConfig(() => createCdsRegistry([{ ...base, id: 'a/b' }]));
    expectConfig(() => createCdsRegistry([{ ...base, hook: 'appointment-book' as 'patient-view' }]));
    expect(createCdsRegistry([base]).discovery().services[0]?.id).toBe(base.id);
  });
});

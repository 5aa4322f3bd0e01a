import { describe, expect, it } from 'vitest';
import { codeForStatus, httpError, isRetryableStatus } from './http-errors.js';

describe('codeForStatus', () => {
  it('maps FHIR statuses to the port error codes', () => {
    expect(codeForStatus(404, false)).toBe('VITALIS_NOT_FOUND');
    expect(codeForStatus(410, false)).toBe('VITALIS_GONE');
    expect(codeForStatus(412, true)).toBe('VITALIS_PRECONDITION_FAILED');
    expect(codeForStatus(400, true)).toBe('VITALIS_INVALID_RESOURCE');
    expect(codeForStatus(400, false)).toBe('VITALIS_BAD_REQUEST');
    expect(codeForStatus(422, true)).toBe('VITALIS_INVALID_RESOURCE');
    expect(codeForStatus(401, false)).toBe('VITALIS_UNAUTHORIZED');
    expect(codeForStatus(403, false)).toBe('VITALIS_FORBIDDEN');
    expect(codeForStatus(409, true)).toBe('VITALIS_CONFLICT');
    expect(codeForStatus(500, false)).toBe('VITALIS_UPSTREAM');
    expect(codeForStatus(503, false)).toBe('VITALIS_UPSTREAM');
    expect(codeForStatus(501, false)).toBe('VITALIS_NOT_IMPLEMENTED');
    expect(codeForStatus(302, false)).toBe('VITALIS_UPSTREAM');
    expect(codeForStatus(418, false)).toBe('VITALIS_BAD_REQUEST');
  });

  it('retries only transient statuses', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 404, 412, 501].some(isRetryableStatus)).toBe(false);
  });
});

describe('httpError', () => {
  it('keeps the OperationOutcome issues with their expressions', () => {
    const err = httpError({ what: 'create Patient', hadBody: true }, 422, {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'value', diagnostics: 'Invalid date', expression: ['Patient.birthDate'] },
        { severity: 'warning', code: 'invariant', details: { text: 'dom-6' } },
      ],
    });
    expect(err.code).toBe('VITALIS_INVALID_RESOURCE');
    expect(err.status).toBe(400);
    expect(err.message).toBe('create Patient: the FHIR server rejected the content (HTTP 422)');
    expect(err.issues).toEqual([
      { severity: 'error', code: 'value', diagnostics: 'Invalid date', expression: ['Patient.birthDate'] },
      { severity: 'warning', code: 'invariant', diagnostics: 'dom-6' },
    ]);
  });

  it('ignores bodies that are not OperationOutcomes', () => {
    const err = httpError({ what: 'read Patient', hadBody: false }, 404, { error: 'x' });
    expect(err.code).toBe('VITALIS_NOT_FOUND');
    expect(err.issues).toEqual([]);
  });
});

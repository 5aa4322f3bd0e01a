import { OperationOutcomeError } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { describeCause, normalizeRequestError } from './http-errors.js';

describe('normalizeRequestError', () => {
  it('passes AppErrors through unchanged', () => {
    const err = new AppError('VITALIS_GONE', 'Deleted');
    expect(normalizeRequestError(err)).toBe(err);
  });

  it('maps fastify parsing errors to fixed messages without echoing the body', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(normalizeRequestError(tooLarge).status).toBe(413);
    const badJson = Object.assign(new SyntaxError('Unexpected token in "{secret-name"'), {
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
      statusCode: 400,
    });
    const normalized = normalizeRequestError(badJson);
    expect(normalized.status).toBe(400);
    expect(normalized.message).not.toContain('secret');
    const media = Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', statusCode: 415 });
    expect(normalizeRequestError(media).code).toBe('VITALIS_UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps the issues and status of a medplum OperationOutcomeError', () => {
    const err = new OperationOutcomeError({
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'invalid', details: { text: 'Unknown search parameter' }, expression: ['foo'] },
      ],
    });
    const normalized = normalizeRequestError(err);
    expect(normalized.status).toBe(400);
    expect(normalized.issues[0]?.expression).toEqual(['foo']);
  });

  it('turns anything unknown into a bare 500', () => {
    const normalized = normalizeRequestError(new TypeError('Cannot read properties of undefined (patient Jane)'));
    expect(normalized.status).toBe(500);
    expect(normalized.message).toBe('Internal error');
  });
});

describe('describeCause', () => {
  it('reports the name, code and frames of the cause, never its message', () => {
    const cause = Object.assign(new Error('duplicate key (name)=(Jane Doe)'), { code: '23505' });
    const described = describeCause(new AppError('VITALIS_INTERNAL', 'Internal error', { cause }));
    expect(described.errorName).toBe('Error');
    expect(described.errorCode).toBe('23505');
    expect(JSON.stringify(described)).not.toContain('Jane');
  });
});

import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { assertJsonAcceptable, httpDate, isJsonMediaType, parseIfMatch, parsePrefer } from './negotiation.js';

function notAcceptable(fn: () => void): boolean {
  try {
    fn();
    return false;
  } catch (err) {
    return isAppError(err, 'VITALIS_NOT_ACCEPTABLE');
  }
}

describe('content negotiation', () => {
  it('accepts JSON flavours, wildcards and a missing Accept', () => {
    for (const accept of [
      undefined,
      '',
      'application/fhir+json',
      'application/json',
      '*/*',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'application/fhir+json; fhirVersion=4.0',
    ]) {
      expect(
        notAcceptable(() => {
          assertJsonAcceptable(accept, undefined);
        }),
      ).toBe(false);
    }
  });

  it('rejects XML-only Accept headers and q=0 JSON', () => {
    expect(
      notAcceptable(() => {
        assertJsonAcceptable('application/fhir+xml', undefined);
      }),
    ).toBe(true);
    expect(
      notAcceptable(() => {
        assertJsonAcceptable('application/xml, text/turtle', undefined);
      }),
    ).toBe(true);
    expect(
      notAcceptable(() => {
        assertJsonAcceptable('application/json;q=0', undefined);
      }),
    ).toBe(true);
  });

  it('lets _format override Accept, including a "+" decoded as a space', () => {
    expect(
      notAcceptable(() => {
        assertJsonAcceptable('application/fhir+xml', 'json');
      }),
    ).toBe(false);
    expect(
      notAcceptable(() => {
        assertJsonAcceptable(undefined, 'application/fhir json');
      }),
    ).toBe(false);
    expect(
      notAcceptable(() => {
        assertJsonAcceptable(undefined, 'xml');
      }),
    ).toBe(true);
    expect(
      notAcceptable(() => {
        assertJsonAcceptable('application/json', 'application/fhir+xml');
      }),
    ).toBe(true);
  });

  it('recognizes JSON request media types with parameters', () => {
    expect(isJsonMediaType('application/fhir+json; charset=utf-8')).toBe(true);
    expect(isJsonMediaType('Application/JSON')).toBe(true);
    expect(isJsonMediaType('application/xml')).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
  });
});

describe('FHIR headers', () => {
  it('parses If-Match in weak, strong and bare forms', () => {
    expect(parseIfMatch('W/"3"')).toBe('3');
    expect(parseIfMatch('"12"')).toBe('12');
    expect(parseIfMatch('7')).toBe('7');
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(() => parseIfMatch('W/"a b"')).toThrow(/If-Match/);
  });

  it('parses Prefer return values, defaulting to representation', () => {
    expect(parsePrefer('return=minimal')).toBe('minimal');
    expect(parsePrefer('respond-async, return=OperationOutcome')).toBe('OperationOutcome');
    expect(parsePrefer('return=representation')).toBe('representation');
    expect(parsePrefer('return=bogus')).toBe('representation');
    expect(parsePrefer(undefined)).toBe('representation');
  });

  it('formats Last-Modified as an HTTP date', () => {
    expect(httpDate('2024-03-01T10:20:30.123Z')).toBe('Fri, 01 Mar 2024 10:20:30 GMT');
    expect(httpDate('garbage')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, unsafeJsonReason } from './body-parsers.js';

describe('unsafeJsonReason', () => {
  it('accepts ordinary FHIR JSON', () => {
    const bundle = {
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient', name: [{ given: ['A'] }] } }],
    };
    expect(unsafeJsonReason(bundle)).toBeUndefined();
    expect(unsafeJsonReason(JSON.parse('[1, "x", null, {"a": [[]]}]'))).toBeUndefined();
  });

  it('finds prototype-poisoning keys at any depth', () => {
    expect(unsafeJsonReason(JSON.parse('{"a":[{"b":{"__proto__":{}}}]}'))).toBe('forbidden-key');
    expect(unsafeJsonReason({ a: [{ constructor: { prototype: {} } }] })).toBe('forbidden-key');
  });

  it('refuses nesting deeper than the limit, without recursion', () => {
    const at = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(unsafeJsonReason(at(MAX_JSON_DEPTH))).toBeUndefined();
    expect(unsafeJsonReason(at(MAX_JSON_DEPTH + 1))).toBe('too-deep');
    expect(unsafeJsonReason(at(200_000))).toBe('too-deep');
  });
});

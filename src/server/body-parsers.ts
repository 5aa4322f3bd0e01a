import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.js';

const JSON_TYPES = ['application/json', 'application/fhir+json', 'application/json+fhir'];

/** Keys that could poison an object prototype if copied with assignment; no FHIR element has these names. */
const POISON_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest object/array nesting accepted: real FHIR JSON stays far below; deeper input overflows the validator. */
export const MAX_JSON_DEPTH = 256;

/**
 * Why a parsed JSON body is refused before it reaches any handler: a key that could poison a prototype, or nesting
 * deeper than MAX_JSON_DEPTH. Iterative, so it never overflows the stack itself.
 */
export function unsafeJsonReason(root: unknown): 'forbidden-key' | 'too-deep' | undefined {
  const stack: [unknown, number][] = [[root, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) {
      continue;
    }
    if (depth > MAX_JSON_DEPTH) {
      return 'too-deep';
    }
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        stack.push([item, depth + 1]);
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (POISON_KEYS.has(key)) {
        return 'forbidden-key';
      }
      stack.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return undefined;
}

const UNSAFE_MESSAGES = {
  'forbidden-key': 'Body contains a forbidden key (__proto__, constructor, prototype)',
  'too-deep': `Body nests deeper than ${String(MAX_JSON_DEPTH)} levels`,
} as const;

/** Parses request bodies: FHIR/plain JSON (400 on malformed JSON) and form-encoded search parameters. */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(new AppError('VITALIS_BAD_REQUEST', 'Request body is empty'), undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      // Never echo the parser's message: it quotes body text.
      done(new AppError('VITALIS_BAD_REQUEST', 'Malformed JSON body', { cause: err }), undefined);
      return;
    }
    const unsafe = unsafeJsonReason(parsed);
    if (unsafe !== undefined) {
      done(new AppError('VITALIS_BAD_REQUEST', UNSAFE_MESSAGES[unsafe]), undefined);
      return;
    }
    done(null, parsed);
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const out: Record<string, string[]> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      out[key] = [...(out[key] ?? []), value];
    }
    done(null, out);
  });
}

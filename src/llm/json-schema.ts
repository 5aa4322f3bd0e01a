import { z } from 'zod';
import type { JsonSchemaSpec } from './types.js';

type Json = Record<string, unknown>;

/** Turns a zod schema into the JSON Schema sent to models (the input side: what the model must write). */
export function jsonSchemaFor(name: string, schema: z.ZodType): JsonSchemaSpec {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  delete json['$schema'];
  return { name, schema: json };
}

const KEEP = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'minLength',
  'maxLength',
  'description',
  'oneOf',
  '$defs',
  '$ref',
  'minProperties',
  'maxProperties',
]);
const FORMATS = new Set(['date', 'date-time', 'time']);

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reduces a JSON Schema to the subset llama.cpp grammars understand (node-llama-cpp's GbnfJsonSchema): `anyOf` becomes
 * `oneOf`, patterns and numeric bounds are dropped (zod re-validates them after decoding), `additionalProperties` is
 * closed unless a schema is given, and an untyped node becomes any JSON value.
 */
export function grammarSafeSchema(schema: unknown): Json {
  if (!isRecord(schema)) return { type: ['string', 'number', 'boolean', 'null'] };
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'anyOf' && Array.isArray(value)) {
      out['oneOf'] = value.map(grammarSafeSchema);
    } else if (key === 'format' && typeof value === 'string' && FORMATS.has(value) && schema['type'] === 'string') {
      out['format'] = value;
    } else if (!KEEP.has(key)) {
      continue;
    } else if (key === 'properties' && isRecord(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, grammarSafeSchema(v)]));
    } else if (key === '$defs' && isRecord(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, grammarSafeSchema(v)]));
    } else if ((key === 'items' || key === 'additionalProperties') && isRecord(value)) {
      out[key] = grammarSafeSchema(value);
    } else if ((key === 'oneOf' || key === 'prefixItems') && Array.isArray(value)) {
      out[key] = value.map(grammarSafeSchema);
    } else {
      out[key] = value;
    }
  }
  if (out['type'] === 'object' && out['additionalProperties'] === undefined) out['additionalProperties'] = false;
  if (out['format'] !== undefined) {
    delete out['minLength'];
    delete out['maxLength'];
  }
  const typed = ['type', 'enum', 'const', 'oneOf', '$ref'].some((k) => out[k] !== undefined);
  if (!typed) out['type'] = ['string', 'number', 'boolean', 'null'];
  return out;
}

/** Extracts the JSON value from model text: the whole text, else a fenced block, else the outermost braces. */
export function extractJson(text: string): unknown {
  const attempts = [text.trim()];
  const fence = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fence?.[1]) attempts.push(fence[1].trim());
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first >= 0 && last > first) attempts.push(text.slice(first, last + 1));
  for (const candidate of attempts) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next candidate
    }
  }
  throw new SyntaxError('no JSON value in the model output');
}

import { describe, expect, it } from 'vitest';
import { JsonObjectScanner, JsonScanError } from './json-scanner.js';

interface Scanned {
  members: Record<string, unknown>;
  entries: unknown[];
}

function scan(text: string, chunkSize: number): Scanned {
  const members: Record<string, unknown> = {};
  const entries: unknown[] = [];
  const scanner = new JsonObjectScanner({
    member: (key, valueText) => {
      members[key] = JSON.parse(valueText);
    },
    entry: (valueText, index) => {
      expect(index).toBe(entries.length);
      entries.push(JSON.parse(valueText));
    },
  });
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunkSize) {
    scanner.push(bytes.subarray(i, i + chunkSize));
  }
  scanner.end();
  return { members, entries };
}

const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  total: 3,
  flag: true,
  nothing: null,
  meta: { tag: [{ code: 'a"b\\c' }] },
  entry: [
    {
      fullUrl: 'urn:uuid:1',
      resource: { resourceType: 'Patient', id: 'p1', name: [{ text: 'Zoë "Q" \\ Müller }]{[' }] },
    },
    { resource: { resourceType: 'Observation', id: 'o1', valueQuantity: { value: -1.5e3 }, note: [{ text: '\\' }] } },
    { resource: { resourceType: 'List', entry: [{ item: { reference: 'Patient/p1' } }] } },
  ],
  after: 'x',
};

describe('JsonObjectScanner', () => {
  it('hands out top-level members and entry elements for any chunking', () => {
    const pretty = JSON.stringify(bundle, null, 2);
    const compact = '\uFEFF' + JSON.stringify(bundle);
    for (const text of [pretty, compact]) {
      for (const size of [1, 2, 3, 7, 64, 100_000]) {
        const { members, entries } = scan(text, size);
        const { entry, ...rest } = bundle;
        expect(entries).toEqual(entry);
        expect(members).toEqual(rest);
      }
    }
  });

  it('treats a non-array entry member and empty arrays as plain members', () => {
    expect(scan('{"entry": {"a": 1}, "b": []}', 3).members).toEqual({ entry: { a: 1 }, b: [] });
    expect(scan('{"entry": [], "x": 1}', 1)).toEqual({ members: { x: 1 }, entries: [] });
    expect(scan('{}', 1)).toEqual({ members: {}, entries: [] });
  });

  it('reports malformed top-level structure with a byte offset', () => {
    const bad = ['', '[1,2]', '{"a" 1}', '{"a": 1,}', '{"a": 1} x', '{"a": 1', '{"entry": [1 2]}', '{"a": }', '{,}'];
    for (const text of bad) {
      expect(() => scan(text, 2), text).toThrow(JsonScanError);
    }
  });

  it('agrees with JSON.parse on random documents split at random points', () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const pieces = ['a', '"', '\\', '{', '}', '[', ']', ',', ':', 'é', '😀', ' ', '\n', '\u0000'];
    const value = (depth: number): unknown => {
      switch (depth > 3 ? rand(4) : rand(6)) {
        case 0:
          return Array.from({ length: rand(5) }, () => pieces[rand(pieces.length)]).join('');
        case 1:
          return rand(1000) - 500 + rand(100) / 7;
        case 2:
          return [true, false, null][rand(3)];
        case 3:
          return '';
        case 4:
          return Array.from({ length: rand(4) }, () => value(depth + 1));
        default:
          return Object.fromEntries(
            Array.from({ length: rand(4) }, (_, i) => [`k${i}${pieces[rand(pieces.length)]}`, value(depth + 1)]),
          );
      }
    };
    for (let round = 0; round < 200; round++) {
      const doc = {
        resourceType: 'Bundle',
        x: value(0),
        entry: Array.from({ length: rand(6) }, () => value(1)),
        y: value(0),
      };
      const text = JSON.stringify(doc, null, rand(2) === 0 ? undefined : 1);
      const { members, entries } = scan(text, 1 + rand(40));
      expect({ ...members, entry: entries }).toEqual({ resourceType: 'Bundle', x: doc.x, y: doc.y, entry: doc.entry });
    }
  });

  it('leaves value validation to JSON.parse of each piece', () => {
    expect(() => scan('{"entry": [{"a": tru}]}', 4)).toThrow(SyntaxError);
  });
});

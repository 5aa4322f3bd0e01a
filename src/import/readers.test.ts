import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverFiles, type ImportFile } from './discover.js';
import { readJsonFile } from './read-json.js';
import { readNdjsonFile } from './read-ndjson.js';
import type { ImportUnit } from './types.js';

/** Typed asymmetric matchers (vitest's are typed any). */
const matching = (re: RegExp): string => expect.stringMatching(re) as string;
const containing = (text: string): string => expect.stringContaining(text) as string;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitalis-readers-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function units(file: ImportFile, batchSize = 2): Promise<{ units: ImportUnit[]; bytes: number }> {
  let bytes = 0;
  const out: ImportUnit[] = [];
  const ctx = {
    batchSize,
    onBytes: (n: number) => {
      bytes += n;
    },
  };
  for await (const u of file.format === 'ndjson' ? readNdjsonFile(file, ctx) : readJsonFile(file, ctx)) {
    out.push(u);
  }
  return { units: out, bytes };
}

async function fixture(name: string, content: string | Buffer): Promise<ImportFile> {
  const path = join(dir, name);
  await writeFile(path, content);
  const { files } = await discoverFiles([path]);
  expect(files).toHaveLength(1);
  return files[0]!;
}

const summarize = (list: ImportUnit[]) =>
  list.map((u) =>
    u.kind === 'batch'
      ? { batch: u.items.map((i) => `${i.location} ${i.entry.request?.method ?? ''} ${i.entry.request?.url ?? ''}`) }
      : u.kind === 'transaction'
        ? { transaction: u.resources }
        : { rejected: `${u.rejection.location}: ${u.rejection.reason}`, fileFailed: u.fileFailed },
  );

describe('discoverFiles', () => {
  it('walks folders in name order, skipping dot-files and other extensions, and reports bad paths', async () => {
    const root = join(dir, 'tree');
    await mkdir(join(root, 'b', '.hidden'), { recursive: true });
    await writeFile(join(root, 'b', 'x.ndjson.gz'), gzipSync('{}\n'));
    await writeFile(join(root, 'b', '.hidden', 'y.json'), '{}');
    await writeFile(join(root, 'a.JSON'), '{}');
    await writeFile(join(root, 'notes.txt'), 'x');
    await writeFile(join(root, 'c.jsonl'), '');
    const { files, problems } = await discoverFiles([root, join(root, 'notes.txt'), join(root, 'missing')]);
    expect(files.map((f) => [f.path.slice(root.length + 1), f.format, f.gzip])).toEqual([
      ['a.JSON', 'json', false],
      ['b/x.ndjson.gz', 'ndjson', true],
      ['c.jsonl', 'ndjson', false],
    ]);
    expect(problems.map((p) => p.reason)).toEqual([containing('Unsupported file type'), 'File or folder not found']);
  });
});

describe('readJsonFile', () => {
  it('streams collection entries in batches even when type comes after entry', async () => {
    const text = JSON.stringify({
      resourceType: 'Bundle',
      entry: [
        { resource: { resourceType: 'Patient', id: 'p1' } },
        { fullUrl: 'urn:uuid:11111111-2222-4333-8444-555555555555', resource: { resourceType: 'Patient' } },
        { resource: { resourceType: 'Patient', id: 'bad id!' } },
        42,
        {
          resource: {
            resourceType: 'Observation',
            id: 'o1',
            subject: { reference: 'urn:uuid:11111111-2222-4333-8444-555555555555' },
          },
        },
      ],
      type: 'collection',
    });
    const file = await fixture('collection.json', text);
    const { units: list, bytes } = await units(file);
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(summarize(list)).toEqual([
      { batch: ['entry[0] PUT Patient/p1', 'entry[1] PUT Patient/11111111-2222-4333-8444-555555555555'] },
      { rejected: 'entry[2]: Invalid resource id [id]', fileFailed: false },
      { rejected: 'entry[3]: Bundle entry is not a JSON object', fileFailed: false },
      { batch: ['entry[4] PUT Observation/o1'] },
    ]);
    const obs = (list[3] as Extract<ImportUnit, { kind: 'batch' }>).items[0]!.entry.resource;
    expect(obs).toMatchObject({ subject: { reference: 'Patient/11111111-2222-4333-8444-555555555555' } });
  });

  it('stores any other resource whole, keeping its own entry array', async () => {
    const list = {
      resourceType: 'List',
      id: 'l1',
      status: 'current',
      mode: 'working',
      entry: [{ item: { reference: 'Patient/p1' } }],
    };
    const file = await fixture('list.json', JSON.stringify(list, null, 1));
    const { units: out } = await units(file);
    expect(out).toHaveLength(1);
    const unit = out[0] as Extract<ImportUnit, { kind: 'batch' }>;
    expect(unit.items[0]!.entry.resource).toEqual(list);
    expect(unit.items[0]!.location).toBe('resource');
  });

  it('collects a transaction whole and rejects all of it when one entry is malformed', async () => {
    const good = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: { resourceType: 'Patient' }, request: { method: 'POST', url: 'Patient' } }],
    };
    const { units: ok } = await units(await fixture('tx.json', JSON.stringify(good)));
    expect(summarize(ok)).toEqual([{ transaction: 1 }]);
    const bad =
      '{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient"}},{"resource":{"x":tru}}]}';
    const { units: out } = await units(await fixture('tx-bad.json', bad));
    expect(summarize(out)).toEqual([
      {
        rejected: matching(/^entry\[1\]: Invalid JSON.*nothing from this file was imported$/),
        fileFailed: true,
      },
    ]);
  });

  it('reports truncated, non-object and unsupported files', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'trunc.json',
        '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"a"}}',
        /^byte \d+: Malformed JSON/,
      ],
      ['array.json', '[1,2]', /^byte 0: Malformed JSON: Expected a JSON object/],
      ['notype.json', '{"resourceType":"Bundle","entry":[]}', /^file: Bundle has no type$/],
      ['noresource.json', '{"a":1}', /^file: Not a FHIR resource/],
      [
        'history.json',
        '{"resourceType":"Bundle","type":"history"}',
        /^type: A Bundle of type 'history' cannot be imported$/,
      ],
    ];
    for (const [name, text, expected] of cases) {
      const { units: out } = await units(await fixture(name, text));
      const last = summarize(out).at(-1);
      expect(last, name).toEqual({ rejected: matching(expected), fileFailed: true });
    }
  });
});

describe('readNdjsonFile', () => {
  it('reads gzip NDJSON line by line, rejecting bad lines with their numbers', async () => {
    const lines = [
      '\uFEFF' + JSON.stringify({ resourceType: 'Patient', id: 'n1' }),
      '',
      '{"resourceType": "Patient", "id": ',
      JSON.stringify({ hello: 'world' }),
      JSON.stringify({ resourceType: 'Patient', gender: 'male' }),
      JSON.stringify({ resourceType: 'Patient', id: 'n3' }),
    ];
    const file = await fixture('p.ndjson.gz', gzipSync(lines.join('\r\n')));
    const { units: out } = await units(file);
    expect(summarize(out)).toEqual([
      { rejected: 'line 3: Invalid JSON', fileFailed: false },
      { rejected: 'line 4: Not a FHIR resource: expected a JSON object with a resourceType', fileFailed: false },
      { batch: ['line 1 PUT Patient/n1', matching(/^line 5 PUT Patient\/[0-9a-f-]{36}$/)] },
      { batch: ['line 6 PUT Patient/n3'] },
    ]);
  });

  it('reports a corrupt gzip file', async () => {
    const file = await fixture('broken.ndjson.gz', Buffer.from('not gzip at all'));
    const { units: out } = await units(file);
    expect(summarize(out)).toEqual([{ rejected: matching(/^line 1: Cannot read file/), fileFailed: true }]);
  });
});

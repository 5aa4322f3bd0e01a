import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Patient } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../core/config.js';
import { isAppError } from '../core/errors.js';
import { shiftDateText } from './date-shift.js';
import { FileMappingStore, openMapping, sealMapping } from './mapping-store.js';
import { createDeidService, deidPort } from './service.js';

const KEY = 'a'.repeat(64);
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'vitalis-deid-'));
  dirs.push(d);
  return d;
}

afterEach(async () => {
  for (const d of dirs.splice(0)) {
    await rm(d, { recursive: true, force: true });
  }
});

async function service(extra: Record<string, unknown> = {}) {
  const dir = await tempDir();
  return createDeidService(ConfigSchema.parse({ dataDir: dir, deidKey: KEY, ...extra }));
}

const patient: Patient = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ given: ['Imogen'], family: 'Thistlewaite' }],
  identifier: [{ system: 'urn:mrn', value: '20418833' }],
  telecom: [{ system: 'phone', value: '(508) 555-0148' }],
};

describe('modes', () => {
  it('redact, tag and surrogate', async () => {
    const s = await service();
    const text = 'Dr. Okonkwo saw Jane Roe on 1/2/2023, MRN: 20418833.';
    expect((await s.deidentify(text, { mode: 'redact' })).text).toBe(
      'Dr. [REDACTED] saw [REDACTED] on [REDACTED], MRN: [REDACTED].',
    );
    expect((await s.deidentify(text, { mode: 'tag' })).text).toBe('Dr. [NAME] saw [NAME] on [DATE], MRN: [MRN].');
    const sur = await s.deidentify(text, { mode: 'surrogate' });
    expect(sur.text).not.toContain('Okonkwo');
    expect(sur.text).not.toContain('20418833');
    expect(sur.text).toMatch(/^Dr\. \S+ saw \S+ \S+ on \d{1,2}\/\d{1,2}\/\d{4}, MRN: \d{8}\.$/);
    expect(sur.mappingId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('surrogates', () => {
  it('are consistent per patient: same name, same fake name; dates move by one offset', async () => {
    const s = await service();
    const text = 'Imogen Thistlewaite seen 2023-01-02 and 2023-01-12. Ms. Thistlewaite improved. Imogen agrees.';
    const a = await s.deidentify(text, { patient });
    const b = await s.deidentify('Thistlewaite called on 2023-01-12.', { patient });
    const family = /Ms\. (\S+) improved/.exec(a.text)?.[1] ?? '';
    expect(family).not.toBe('Thistlewaite');
    expect(a.text.startsWith(`${/^(\S+)/.exec(a.text)?.[1] ?? ''} ${family} seen`)).toBe(true);
    expect(b.text.startsWith(`${family} called`)).toBe(true);
    const dates = [...a.text.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => Date.parse(m[0]));
    expect(dates).toHaveLength(2);
    expect((dates[1] ?? 0) - (dates[0] ?? 0)).toBe(10 * 86_400_000);
    expect(b.text).toContain(new Date(dates[1] ?? 0).toISOString().slice(0, 10));
  });

  it('differ between patients', async () => {
    const s = await service();
    const one = await s.deidentify('Okonkwo', { patientKey: 'Patient/a', mode: 'surrogate' });
    const two = await s.deidentify('Seen by Dr. Okonkwo', { patientKey: 'Patient/b', mode: 'surrogate' });
    expect(s.surrogates('Patient/a').shiftDays).not.toBe(s.surrogates('Patient/b').shiftDays);
    expect(one.text === two.text.replace('Seen by Dr. ', '')).toBe(false);
  });

  it('shift dates in their own format', () => {
    expect(shiftDateText('Jan 2nd', -2)).toBe('Dec 31st');
    expect(shiftDateText('2023-03-01', -1)).toBe('2023-02-28');
    expect(shiftDateText('03/01/24', -1)).toBe('02/29/24');
    expect(shiftDateText('the 3rd of May', 1)).toBe('the 4th of May');
    expect(shiftDateText("Jan '23", -31)).toBe("Dec '22");
  });
});

describe('re-identification', () => {
  it('round-trips model output through the encrypted mapping', async () => {
    const s = await service();
    const port = deidPort(s);
    const original = 'Imogen Thistlewaite (MRN 20418833), phone (508) 555-0148, seen 3/4/2024 by Dr. Okonkwo.';
    const out = await port.deidentify(original, { patient });
    for (const v of ['Imogen', 'Thistlewaite', '20418833', '555-0148', '3/4/2024', 'Okonkwo']) {
      expect(out.text).not.toContain(v);
    }
    const modelReply = `Summary: ${out.text} Next visit with the same team.`;
    expect(await port.reidentify(modelReply, out.mappingId)).toBe(
      `Summary: ${original} Next visit with the same team.`,
    );
  });

  it('stores the mapping encrypted on disk (no PHI in the file)', async () => {
    const dir = await tempDir();
    const s = createDeidService(ConfigSchema.parse({ dataDir: dir, deidKey: KEY }));
    await s.deidentify('Imogen Thistlewaite MRN 20418833', { patient });
    const files = await readdir(join(dir, 'deid-mappings'));
    expect(files).toHaveLength(1);
    const raw = await readFile(join(dir, 'deid-mappings', files[0] ?? ''), 'utf8');
    expect(raw).not.toContain('Thistlewaite');
    expect(raw).not.toContain('20418833');
  });

  it('fails with a wrong key, a tampered file, or an expired mapping', async () => {
    const dir = await tempDir();
    const right = new FileMappingStore({ dir, key: Buffer.alloc(32, 1), retentionHours: 1 });
    const wrong = new FileMappingStore({ dir, key: Buffer.alloc(32, 2), retentionHours: 1 });
    const m = await right.save({
      patientKey: 'Patient/x',
      replacements: [{ category: 'NAME', original: 'Ann', replacement: 'Bea' }],
    });
    expect((await right.load(m.id)).replacements[0]?.original).toBe('Ann');
    await expect(wrong.load(m.id)).rejects.toSatisfy((e: unknown) => isAppError(e, 'VITALIS_FORBIDDEN'));
    const sealed = sealMapping(Buffer.alloc(32, 1), m);
    expect(() => openMapping(Buffer.alloc(32, 1), 'another-id', sealed)).toThrow(/cannot be decrypted/);
    const tampered = sealed.replace(/"data":"(.)/, (_, c: string) => `"data":"${c === 'A' ? 'B' : 'A'}`);
    expect(() => openMapping(Buffer.alloc(32, 1), m.id, tampered)).toThrow(/cannot be decrypted/);
    expect(await right.purge(new Date(Date.now() + 2 * 3_600_000))).toBe(1);
    await expect(right.load(m.id)).rejects.toSatisfy((e: unknown) => isAppError(e, 'VITALIS_NOT_FOUND'));
  });

  it('rejects a malformed key', () => {
    expect(() => createDeidService(ConfigSchema.parse({ deidKey: 'short' }))).toThrow(/256-bit key/);
  });
});

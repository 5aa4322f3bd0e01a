import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, DocumentReference, Observation, Patient } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../core/config.js';
import { isAppError } from '../../core/errors.js';
import { createDeidService } from '../service.js';
import { deidentifyBundle } from './bundle.js';
import { deidentifyFhirFile } from './files.js';
import { deidentifyResource } from './safe-harbor.js';
import { safeHarborZip } from './zip3.js';

const service = createDeidService(ConfigSchema.parse({ dataDir: 'memory://', deidKey: 'b'.repeat(64) }));
const now = new Date('2026-06-01T00:00:00Z');

const patient: Patient = {
  resourceType: 'Patient',
  id: 'pat-1',
  meta: { lastUpdated: '2026-05-01T10:00:00Z' },
  identifier: [{ system: 'urn:oid:1.2.3', value: 'MRN-20418833' }],
  name: [{ use: 'official', given: ['Imogen', 'Ruth'], family: 'Thistlewaite' }],
  telecom: [
    { system: 'phone', value: '(508) 555-0148' },
    { system: 'email', value: 'imo@example.net' },
  ],
  gender: 'female',
  birthDate: '1930-04-11',
  address: [{ line: ['77 Larkin Row'], city: 'Harbor Point', state: 'MA', postalCode: '02139', country: 'US' }],
  contact: [
    {
      relationship: [{ text: 'daughter' }],
      name: { given: ['Carmen'], family: 'Thistlewaite' },
      telecom: [{ system: 'phone', value: '508-555-0177' }],
    },
  ],
  text: {
    status: 'generated',
    div: '<div xmlns="http://www.w3.org/1999/xhtml">Imogen Thistlewaite, MRN-20418833</div>',
  },
};

const note = 'Imogen Thistlewaite (MRN-20418833) seen 2026-03-02 by Dr. Okonkwo. Daughter Carmen at 508-555-0177.';
const doc: DocumentReference = {
  resourceType: 'DocumentReference',
  id: 'doc-1',
  status: 'current',
  subject: { reference: 'Patient/pat-1', display: 'Imogen Thistlewaite' },
  date: '2026-03-02T10:15:00Z',
  content: [
    {
      attachment: {
        contentType: 'text/plain',
        data: Buffer.from(note).toString('base64'),
        title: 'Progress note',
        url: 'http://ehr/doc/1',
      },
    },
  ],
};

const obs: Observation = {
  resourceType: 'Observation',
  id: 'obs-1',
  status: 'final',
  code: { text: 'Heart rate' },
  subject: { reference: 'Patient/pat-1' },
  effectiveDateTime: '2026-03-12T10:15:00Z',
  valueQuantity: { value: 88, unit: '/min' },
  note: [{ text: 'Taken by nurse Okafor' }],
};

describe('Safe Harbor profile, field by field', () => {
  it('Patient: names replaced, telecom removed, address to state + ZIP3, age > 89 aggregated, identifiers hashed', async () => {
    const out = (await deidentifyResource(service, patient, { dateMode: 'shift', now })) as Patient;
    expect(out.id).toMatch(/^[0-9a-f]{32}$/);
    expect(out.id).not.toBe('pat-1');
    expect(out.name?.[0]?.family).not.toBe('Thistlewaite');
    expect(out.name?.[0]?.given).toHaveLength(2);
    expect(JSON.stringify(out.name)).not.toMatch(/Imogen|Ruth|Thistlewaite/);
    expect(out.telecom).toBeUndefined();
    expect(out.address).toEqual([{ state: 'MA', country: 'US', postalCode: '021' }]);
    expect(out.birthDate).toBe('1936');
    expect(out.extension?.[0]?.valueBoolean).toBe(true);
    expect(out.identifier?.[0]?.system).toBe('urn:oid:1.2.3');
    expect(out.identifier?.[0]?.value).toMatch(/^[0-9a-f]{32}$/);
    expect(out.contact?.[0]?.telecom).toBeUndefined();
    expect(JSON.stringify(out.contact)).not.toContain('Carmen');
    expect(out.text?.div).not.toMatch(/Imogen|Thistlewaite|20418833/);
    expect(out.gender).toBe('female');
    expect(JSON.stringify(out)).not.toMatch(/Larkin|Harbor Point|555-01/);
  });

  it("keeps a younger patient's birth date shifted, or the year only", async () => {
    const young: Patient = { ...patient, birthDate: '1960-06-15' };
    const shifted = (await deidentifyResource(service, young, { dateMode: 'shift', now })) as Patient;
    const shift = service.surrogates('Patient/pat-1').shiftDays;
    expect(Date.parse(shifted.birthDate ?? '') - Date.parse('1960-06-15')).toBe(shift * 86_400_000);
    const year = (await deidentifyResource(service, young, { dateMode: 'year', now })) as Patient;
    expect(year.birthDate).toBe('1960');
  });

  it('ZIP3 with the under-20,000 rule', () => {
    expect(safeHarborZip('02139')).toBe('021');
    expect(safeHarborZip('03601-1234')).toBe('000');
    expect(safeHarborZip('89301')).toBe('000');
    expect(safeHarborZip('12')).toBeNull();
  });

  it('Bundle: text attachment de-identified, references pseudonymized consistently, dates shifted by the same offset', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: patient }, { resource: doc }, { resource: obs }],
    };
    let progress = 0;
    const out = await deidentifyBundle(service, bundle, { dateMode: 'shift', now, onProgress: (d) => (progress = d) });
    expect(progress).toBe(3);
    const [p, d, o] = (out.entry ?? []).map((e) => e.resource);
    const dref = d as DocumentReference;
    const oref = o as Observation;
    expect(dref.subject?.reference).toBe(`Patient/${p?.id ?? ''}`);
    expect(oref.subject?.reference).toBe(`Patient/${p?.id ?? ''}`);
    expect(dref.subject?.display).not.toContain('Thistlewaite');
    const text = Buffer.from(dref.content[0]?.attachment.data ?? '', 'base64').toString('utf8');
    for (const v of ['Imogen', 'Thistlewaite', '20418833', 'Okonkwo', 'Carmen', '555-0177', '2026-03-02']) {
      expect(text, v).not.toContain(v);
    }
    expect(dref.content[0]?.attachment.url).toBeUndefined();
    const gap = Date.parse(oref.effectiveDateTime ?? '') - Date.parse(dref.date ?? '');
    expect(gap).toBe(10 * 86_400_000);
    expect(oref.note?.[0]?.text).not.toContain('Okafor');
    expect(oref.valueQuantity?.value).toBe(88);
  });
});

describe('deid fhir files', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) {
      await rm(d, { recursive: true, force: true });
    }
  });

  it('NDJSON in, NDJSON out; bad input leaves no output file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vitalis-deid-fhir-'));
    dirs.push(dir);
    const input = join(dir, 'in.ndjson');
    await writeFile(input, [doc, patient, obs].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = join(dir, 'out.ndjson');
    expect(await deidentifyFhirFile(service, { in: input, out }, { dateMode: 'year' })).toBe(3);
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/Thistlewaite|Imogen|20418833/);
    const bad = join(dir, 'bad.ndjson');
    await writeFile(bad, `${JSON.stringify(patient)}\n{not json\n`);
    const out2 = join(dir, 'out2.ndjson');
    await expect(deidentifyFhirFile(service, { in: bad, out: out2 }, { dateMode: 'year' })).rejects.toSatisfy(
      (e: unknown) => isAppError(e, 'VITALIS_UNPROCESSABLE'),
    );
    expect((await readdir(dir)).sort()).toEqual(['bad.ndjson', 'in.ndjson', 'out.ndjson']);
  });
});

import type { Bundle, DocumentReference, Patient } from '@medplum/fhirtypes';
import { generateDemoPatients } from '../../demo/index.js';
import {
  GEN_CREDENTIALS,
  GEN_FAMILY,
  GEN_GIVEN,
  GEN_PROVIDER_TITLES,
  GEN_RELATIONS,
  GEN_SITES,
  GEN_STATES,
  GEN_STREETS,
  GEN_STREET_TYPES,
  GEN_TOWNS,
} from './generator-lists.js';
import type { BenchCategory, BenchDoc, GoldSpan } from './metrics.js';
import { BenchRng, formatDate, formatId, formatPhone } from './note-formats.js';

class Builder {
  text = '';
  gold: GoldSpan[] = [];
  add(s: string): this {
    this.text += s;
    return this;
  }
  phi(s: string, category: BenchCategory): this {
    this.gold.push({ start: this.text.length, end: this.text.length + s.length, category });
    this.text += s;
    return this;
  }
}

interface People {
  given: string;
  family: string;
  relName: string;
  relation: string;
  doctor: string;
  site: string;
  town: string;
  state: string;
}

const NEGATIVES = [
  "History notable for Parkinson's disease managed by neurology, and a remote episode of Bell's palsy.",
  'Foley catheter removed on hospital day two; voiding spontaneously.',
  "Screened for Graves' disease and Wilson disease in the past; both negative.",
  "Brother has Down syndrome; mother had Alzheimer's dementia diagnosed in 2009.",
  'Started apixaban 5 mg twice daily; continue atorvastatin 40 mg nightly and metoprolol succinate 50 mg.',
  'Diagnosed with type 2 diabetes in 2014; HbA1c 8.1% in 2019.',
  'Her 45-year-old son and 72-year-old husband are healthy.',
  'Wells score 2, CHA2DS2-VASc 4, HAS-BLED 2; Glasgow Coma Scale 15.',
  'Babinski sign absent; Murphy sign negative; no Kernig or Brudzinski signs.',
  'Received 10000 units of heparin and 250 mL normal saline bolus.',
  'Smoked 1 pack per day for 20 years, quit in 2012.',
  'Hodgkin lymphoma treated in 1998 with ABVD; in remission.',
  'Cushing syndrome ruled out with a 1 mg dexamethasone suppression test.',
  'Plan discussed with the patient, who agrees; return precautions reviewed.',
];

function sentence(b: Builder, rng: BenchRng, p: People): void {
  const date = (): string => formatDate(rng, rng.int(2019, 2026), rng.int(1, 12), rng.int(1, 28));
  switch (rng.int(0, 13)) {
    case 0:
      b.add('Patient was seen at ')
        .phi(p.site, 'LOCATION')
        .add(' on ')
        .phi(date(), 'DATE')
        .add(' for the same complaint.\n');
      break;
    case 1:
      b.add(`Lives with ${p.relation} `)
        .phi(p.relName, 'NAME')
        .add(' in ')
        .phi(`${p.town}, ${p.state}`, 'LOCATION')
        .add('; contact ')
        .phi(formatPhone(rng), 'PHONE')
        .add('.\n');
      break;
    case 2:
      b.add(`${rng.pick(['Ms.', 'Mr.', 'Mrs.'])} `)
        .phi(p.family, 'NAME')
        .add(' reports improvement since ')
        .phi(date(), 'DATE')
        .add('.\n');
      break;
    case 3: {
      const id = formatId(rng);
      b.add(`Insurance and identifiers verified (${id.label}`).phi(id.value, id.category).add(').\n');
      break;
    }
    case 4:
      b.add('Home address: ')
        .phi(`${rng.int(2, 9899)} ${rng.pick(GEN_STREETS)} ${rng.pick(GEN_STREET_TYPES)}`, 'LOCATION')
        .add(', ')
        .phi(p.town, 'LOCATION')
        .add(', ')
        .phi(p.state, 'LOCATION')
        .add(' ')
        .phi(rng.digits(5), 'LOCATION')
        .add('.\n');
      break;
    case 5:
      b.add('Discussed with ')
        .phi(p.doctor, 'NAME')
        .add(' by phone at ')
        .phi(formatPhone(rng), 'PHONE')
        .add('; fax results to ')
        .phi(formatPhone(rng), 'PHONE')
        .add('.\n');
      break;
    case 6:
      b.add('Portal messages go to ')
        .phi(
          `${p.given.toLowerCase().replace(/\W/g, '')}.${p.family.toLowerCase().replace(/\W/g, '')}${rng.int(1, 99)}@${rng.pick(['mailbox.net', 'example.com', 'inbox.org'])}`,
          'EMAIL',
        )
        .add('.\n');
      break;
    case 7:
      b.add('Previously admitted to ')
        .phi(rng.pick(GEN_SITES), 'LOCATION')
        .add(' from ')
        .phi(date(), 'DATE')
        .add(' to ')
        .phi(date(), 'DATE')
        .add('.\n');
      break;
    case 8:
      b.add(`Her ${rng.pick(['grandmother', 'aunt'])}, a `)
        .phi(String(rng.int(90, 104)), 'AGE')
        .add('-year-old, lives nearby.\n');
      break;
    case 9:
      b.add(`${rng.pick(GEN_RELATIONS)} `)
        .phi(p.relName, 'NAME')
        .add(' called on ')
        .phi(date(), 'DATE')
        .add(' with questions.\n');
      break;
    case 10:
      b.add('Outside records requested from ')
        .phi(`https://records.${p.town.toLowerCase().replace(/\W/g, '')}health.org/req/${rng.digits(5)}`, 'URL_IP')
        .add('.\n');
      break;
    case 11:
      b.add('Telehealth session from IP ')
        .phi(`10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, 'URL_IP')
        .add(' was stable.\n');
      break;
    case 12:
      b.add('Patient ')
        .phi(`${p.given} ${p.family}`, 'NAME')
        .add(` (DOB `)
        .phi(formatDate(rng, rng.int(1930, 1990), rng.int(1, 12), rng.int(1, 28)), 'DATE')
        .add(') confirmed identity.\n');
      break;
    default:
      b.add('Follow up at ')
        .phi(`${p.town} clinic`, 'LOCATION')
        .add(` in ${rng.int(2, 8)} weeks.\n`);
  }
}

function header(b: Builder, rng: BenchRng, p: People): void {
  const id = formatId(rng);
  switch (rng.int(0, 3)) {
    case 0:
      b.phi(p.site.toUpperCase(), 'LOCATION')
        .add('\nPATIENT: ')
        .phi(`${p.family.toUpperCase()}, ${p.given}`, 'NAME')
        .add(`   ${id.label}`)
        .phi(id.value, id.category)
        .add('\n');
      break;
    case 1:
      b.add('Name: ')
        .phi(`${p.given} ${p.family}`, 'NAME')
        .add(' | DOB: ')
        .phi(formatDate(rng, rng.int(1935, 1995), rng.int(1, 12), rng.int(1, 28)), 'DATE')
        .add(` | ${id.label}`)
        .phi(id.value, id.category)
        .add('\n');
      break;
    case 2:
      b.add('Visit date: ')
        .phi(formatDate(rng, 2025, rng.int(1, 12), rng.int(1, 28)), 'DATE')
        .add('\nPt: ')
        .phi(`${p.given[0] ?? 'X'}. ${p.family}`, 'NAME')
        .add(` (${id.label}`)
        .phi(id.value, id.category)
        .add(')\n');
      break;
    default:
      b.phi(p.site, 'LOCATION')
        .add(' — clinic note\n')
        .phi(`${p.family}, ${p.given}`, 'NAME')
        .add(', seen ')
        .phi(formatDate(rng, 2026, rng.int(1, 5), rng.int(1, 28)), 'DATE')
        .add('\n');
  }
}

function clinicalBody(note: string): string {
  const lines = note.split('\n');
  const from = lines.findIndex((l) => l.startsWith('PMH:'));
  const out: string[] = [];
  for (const l of lines.slice(from < 0 ? 0 : from)) {
    if (/^(?:Follow-up with|Electronically signed|— )/.test(l)) {
      break;
    }
    out.push(l.replace(/^Labs \([^)]*\):/, 'Labs:'));
  }
  return out.join('\n');
}

function chiefComplaint(note: string): string {
  const m = /^(?:CHIEF COMPLAINT|CC): (.*)$/m.exec(note);
  return m?.[1] ?? 'Follow-up';
}

/** Note-length documents (3-5 KB) built from the demo patients' clinical note bodies, with PHI inserted by our own
 * templates in varied formats; every PHI position is known. Also returns the PHI-free clinical bodies. */
export function generateNoteCorpus(options: { notes: number; seed: number }): {
  notes: BenchDoc[];
  phiFree: BenchDoc[];
} {
  const rng = new BenchRng(options.seed);
  const notes: BenchDoc[] = [];
  const phiFree: BenchDoc[] = [];
  const patients = Math.max(8, Math.ceil(options.notes / 4));
  for (const bundle of generateDemoPatients({ patients, seed: options.seed }) as Iterable<Bundle>) {
    const docs = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is DocumentReference => r?.resourceType === 'DocumentReference');
    const patient = (bundle.entry ?? [])
      .map((e) => e.resource)
      .find((r): r is Patient => r?.resourceType === 'Patient');
    if (!patient) {
      continue;
    }
    for (const doc of docs) {
      if (notes.length >= options.notes) {
        return { notes, phiFree };
      }
      const data = doc.content[0]?.attachment.data;
      if (!data) {
        continue;
      }
      const note = Buffer.from(data, 'base64').toString('utf8');
      const body = clinicalBody(note);
      const people: People = {
        given: rng.pick(GEN_GIVEN),
        family: rng.pick(GEN_FAMILY),
        relName: `${rng.pick(GEN_GIVEN)}${rng.chance(0.5) ? ` ${rng.pick(GEN_FAMILY)}` : ''}`,
        relation: rng.pick(GEN_RELATIONS),
        doctor: `${rng.pick(GEN_PROVIDER_TITLES)} ${rng.pick(GEN_GIVEN)} ${rng.pick(GEN_FAMILY)}`.replace(
          /^(Dr|Doctor)\.? /,
          '',
        ),
        site: rng.pick(GEN_SITES),
        town: rng.pick(GEN_TOWNS),
        state: rng.pick(GEN_STATES),
      };
      const b = new Builder();
      header(b, rng, people);
      b.add(`\nCC: ${chiefComplaint(note)}\n\nHPI: `);
      const target = rng.int(3000, 4800);
      let guard = 0;
      while (b.text.length + body.length < target - 400 && guard++ < 60) {
        if (rng.chance(0.55)) {
          sentence(b, rng, people);
        } else {
          b.add(`${rng.pick(NEGATIVES)}\n`);
        }
      }
      b.add(`\n${body}\n\n`);
      b.add(rng.pick(['Electronically signed by ', 'Signed: ', '-- ']))
        .phi(`${rng.pick(GEN_GIVEN)} ${rng.pick(GEN_FAMILY)}`, 'NAME')
        .add(`, ${rng.pick(GEN_CREDENTIALS)} on `)
        .phi(formatDate(rng, 2026, rng.int(1, 5), rng.int(1, 28)), 'DATE')
        .add('\n');
      notes.push({ id: `note-${notes.length}`, text: b.text, gold: b.gold });
      if (phiFree.length < options.notes) {
        phiFree.push({ id: `body-${phiFree.length}`, text: body, gold: [], hardNegative: true });
      }
    }
  }
  return { notes, phiFree };
}

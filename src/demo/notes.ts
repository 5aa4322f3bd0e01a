import { NOTE_TYPES } from './catalog.js';
import { coding, loinc, SYSTEMS } from './codes.js';
import { ageAt, fhirDateTime, noteDate, noteTime, type NoteDateStyle } from './dates.js';
import type { VitalSet } from './observations.js';
import type { Clinician, RecordBuilder, Ref } from './record-builder.js';
import { clinicianName, practitionerResource } from './staff.js';

/** A lab line as shown in a note. */
export interface NoteLab {
  short: string;
  /** Formatted value, e.g. "12.0". */
  value: string;
  unit: string;
  flag: 'H' | 'L' | 'N';
}

/** What one clinical note says. */
export interface NoteSpec {
  type: keyof typeof NOTE_TYPES;
  at: number;
  encounter: Ref;
  clinician: Clinician;
  chiefComplaint: string;
  hpi: string;
  exam: string[];
  vitals?: VitalSet;
  labs?: NoteLab[];
  assessment: string[];
  plan: string[];
}

const DATE_STYLES: readonly NoteDateStyle[] = ['us', 'iso', 'long', 'dmy', 'short'];

/** "67-year-old man", "6-year-old girl". */
export function agePhrase(b: RecordBuilder, at: number): string {
  const age = ageAt(b.demo.birthMs, at);
  const adult = age >= 18;
  const noun = b.demo.sex === 'male' ? (adult ? 'man' : 'boy') : adult ? 'woman' : 'girl';
  return age >= 1 ? `${age}-year-old ${noun}` : `infant ${noun}`;
}

/** How the note body refers to the patient ("Mr. Okafor", or the first name for a child). */
export function callName(b: RecordBuilder, at: number): string {
  if (ageAt(b.demo.birthMs, at) < 18) {
    return b.demo.given;
  }
  return `${b.demo.sex === 'male' ? 'Mr.' : 'Ms.'} ${b.demo.family}`;
}

function vitalsLine(v: VitalSet, style: number): string {
  const parts: string[] = [];
  if (v.temp !== undefined) {
    parts.push(style === 0 ? `T ${v.temp.toFixed(1)}C` : `Temp ${v.temp.toFixed(1)} °C`);
  }
  if (v.hr !== undefined) {
    parts.push(style === 0 ? `HR ${Math.round(v.hr)}` : `pulse ${Math.round(v.hr)}/min`);
  }
  if (v.sys !== undefined && v.dia !== undefined) {
    parts.push(`BP ${Math.round(v.sys)}/${Math.round(v.dia)}`);
  }
  if (v.rr !== undefined) {
    parts.push(`RR ${Math.round(v.rr)}`);
  }
  if (v.spo2 !== undefined) {
    parts.push(`SpO2 ${Math.round(v.spo2)}%${v.spo2 < 92 ? ' on RA' : ''}`);
  }
  if (v.weight !== undefined) {
    parts.push(`Wt ${v.weight.toFixed(1)} kg`);
  }
  return parts.join(style === 0 ? ', ' : '; ');
}

function header(b: RecordBuilder, spec: NoteSpec, style: number, ds: NoteDateStyle): string[] {
  const d = b.demo;
  const dob = noteDate(d.birthMs, ds);
  const visit = noteDate(spec.at, ds);
  const title = NOTE_TYPES[spec.type].display.toUpperCase();
  switch (style) {
    case 0:
      return [
        `${b.facility.name.toUpperCase()} - ${title}`,
        `PATIENT: ${d.family.toUpperCase()}, ${d.given}    DOB: ${dob}    MRN: ${d.mrn}`,
        `Date of service: ${visit} ${noteTime(spec.at)}    Attending: ${clinicianName(spec.clinician)}`,
      ];
    case 1:
      return [
        `${NOTE_TYPES[spec.type].display} | ${b.facility.alias}`,
        `Name: ${d.given} ${d.family} | Med Rec #: ${d.mrn} | DOB ${dob} | Ph ${d.phone.replace(/[()]/g, '').replace(' ', '-')}`,
        `Seen ${visit} by ${clinicianName(spec.clinician)}`,
      ];
    default:
      return [
        `${title} — ${visit}`,
        `${d.given} ${d.family} (MRN ${d.mrn}), born ${dob}, of ${d.line}, ${d.city}, ${d.state} ${d.zip}. Tel. ${d.phone}.` +
          (d.email !== undefined ? ` Email ${d.email}.` : ''),
      ];
  }
}

/** Writes the free text of a clinical note with PHI in varied formats. */
export function writeNote(b: RecordBuilder, spec: NoteSpec): string {
  const rng = b.rng;
  const style = rng.int(0, 2);
  const ds = rng.pick(DATE_STYLES);
  const lines = header(b, spec, style, ds);
  lines.push('');
  lines.push(`${style === 0 ? 'CHIEF COMPLAINT' : 'CC'}: ${spec.chiefComplaint}`);
  lines.push('');
  lines.push(`${style === 1 ? 'HPI' : 'History of Present Illness'}: ${spec.hpi}`);
  const rel = b.demo.relative;
  if (rel !== undefined && rng.chance(0.7)) {
    lines.push(
      rng.chance(0.5)
        ? `Accompanied by ${rel.relation} ${rel.name}, who helps with medications (contact ${rel.phone}).`
        : `Collateral history from ${rel.relation} ${rel.name} ${b.demo.family} by phone at ${rel.phone}.`,
    );
  }
  lines.push('');
  const problems = b.chart.problems.map((p) =>
    p.until !== undefined && p.until <= spec.at ? `${p.text} (resolved)` : p.text,
  );
  const meds = b.chart.meds.filter((m) => m.until === undefined || m.until > spec.at).map((m) => m.text);
  lines.push(`PMH: ${problems.length > 0 ? problems.join(', ') : 'none significant'}.`);
  lines.push(`Medications: ${meds.length > 0 ? meds.join('; ') : 'none'}.`);
  lines.push(`Allergies: ${b.chart.allergies.length > 0 ? b.chart.allergies.join(', ') : 'NKDA'}.`);
  lines.push('');
  lines.push(style === 0 ? 'PHYSICAL EXAM:' : 'Exam:');
  if (spec.vitals) {
    lines.push(`  Vitals: ${vitalsLine(spec.vitals, style % 2)}`);
  }
  for (const e of spec.exam) {
    lines.push(`  ${e}`);
  }
  if (spec.labs && spec.labs.length > 0) {
    lines.push('');
    lines.push(
      `Labs (${noteDate(spec.at, rng.pick(DATE_STYLES))}): ` +
        spec.labs
          .map(
            (l) =>
              `${l.short} ${l.value}${l.unit === 'INR' ? '' : ` ${l.unit}`}${l.flag === 'N' ? '' : ` (${l.flag})`}`,
          )
          .join(', '),
    );
  }
  lines.push('');
  lines.push(style === 1 ? 'A/P:' : 'ASSESSMENT AND PLAN:');
  spec.assessment.forEach((a, i) => lines.push(`${i + 1}. ${a}`));
  for (const p of spec.plan) {
    lines.push(`  - ${p}`);
  }
  if (rng.chance(0.5)) {
    lines.push(`Follow-up with ${b.facility.name}, call ${b.facility.phone} with questions.`);
  }
  lines.push('');
  const signedAt = spec.at + 3_600_000 * rng.int(1, 6);
  lines.push(
    style === 2
      ? `— ${clinicianName(spec.clinician)}, ${spec.clinician.specialty}, ${b.facility.name}`
      : `Electronically signed by ${clinicianName(spec.clinician)} on ${noteDate(signedAt, ds)} at ${noteTime(signedAt)}`,
  );
  return lines.join('\n');
}

/** Writes a note and adds it as a DocumentReference with base64 text/plain content. */
export function addNote(b: RecordBuilder, spec: NoteSpec): Ref {
  const text = writeNote(b, spec);
  const type = NOTE_TYPES[spec.type];
  return b.add({
    resourceType: 'DocumentReference',
    id: b.nextId('doc'),
    status: 'current',
    docStatus: 'final',
    type: { coding: [loinc(type.code, type.display)], text: type.display },
    category: [{ coding: [coding(SYSTEMS.docCategory, 'clinical-note', 'Clinical Note')] }],
    subject: b.patient,
    date: fhirDateTime(spec.at),
    author: [b.addShared(practitionerResource(spec.clinician))],
    custodian: { reference: `Organization/${b.facility.id}` },
    description: `${type.display}: ${spec.chiefComplaint}`,
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          language: 'en-US',
          data: Buffer.from(text, 'utf8').toString('base64'),
          title: type.display,
          creation: fhirDateTime(spec.at),
        },
      },
    ],
    context: { encounter: [spec.encounter], period: { start: fhirDateTime(spec.at) } },
  });
}

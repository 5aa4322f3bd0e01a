import type { HumanName, Patient } from '@medplum/fhirtypes';
import type { Age, PatientDisplay, PatientSummary } from './context-schema.js';
import { sourceOf } from './fhir-helpers.js';

interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

function parseCalendarDate(value: string): CalendarDate | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) {
    return null;
  }
  return { y: Number(match[1]), m: Number(match[2] ?? '1'), d: Number(match[3] ?? '1') };
}

/**
 * Age on `at` from a FHIR birthDate (YYYY, YYYY-MM or YYYY-MM-DD; partial dates count from their first day):
 * completed years, completed months and days in total. Null when the birth date is invalid or after `at`.
 */
export function ageAt(birthDate: string, at: Date): Age | null {
  const birth = parseCalendarDate(birthDate);
  if (!birth) {
    return null;
  }
  const now = { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() };
  let months = (now.y - birth.y) * 12 + (now.m - birth.m);
  if (now.d < birth.d) {
    months -= 1;
  }
  const days = Math.floor((Date.UTC(now.y, now.m - 1, now.d) - Date.UTC(birth.y, birth.m - 1, birth.d)) / 86_400_000);
  if (days < 0 || months < 0) {
    return null;
  }
  return { years: Math.floor(months / 12), months, days };
}

function formatName(name: HumanName | undefined): string | null {
  if (!name) {
    return null;
  }
  if (name.text) {
    return name.text;
  }
  const parts = [...(name.given ?? []), name.family].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Engine-facing demographics; the age is taken at death for deceased patients with a known date. */
export function patientSummary(patient: Patient, now: Date): PatientSummary {
  const deceasedDateTime = patient.deceasedDateTime ?? null;
  const deceased = deceasedDateTime !== null || patient.deceasedBoolean === true;
  const deathMs = deceasedDateTime ? Date.parse(deceasedDateTime) : Number.NaN;
  const at = Number.isNaN(deathMs) || deathMs > now.getTime() ? now : new Date(deathMs);
  return {
    id: patient.id ?? '',
    source: sourceOf(patient),
    birthDate: patient.birthDate ?? null,
    age: patient.birthDate ? ageAt(patient.birthDate, at) : null,
    sex: patient.gender ?? 'unknown',
    deceased,
    deceasedDateTime,
  };
}

/** Display-only data (the official or first name). */
export function patientDisplay(patient: Patient): PatientDisplay {
  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  return { name: formatName(name) };
}

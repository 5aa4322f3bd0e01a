import type { Organization, Practitioner } from '@medplum/fhirtypes';
import { SYSTEMS } from './codes.js';
import { NAME_POOLS } from './names.js';
import { CITIES, ORGANIZATIONS, SPECIALTIES } from './places.js';
import { itemAt, Rng } from './prng.js';
import type { Clinician, Facility } from './record-builder.js';

const CLINICIANS_PER_FACILITY = 8;
const CREDENTIALS = ['MD', 'MD', 'MD', 'DO', 'NP', 'PA-C'] as const;

function cityOf(index: number): (typeof CITIES)[number] {
  return itemAt(CITIES, index % CITIES.length);
}

/** The fixed facilities shared by all demo patients (independent of the seed). */
export const FACILITIES: readonly Facility[] = ORGANIZATIONS.map((o, i) => ({
  id: `demo-org-${i + 1}`,
  name: o.name,
  alias: o.alias,
  phone: `(${cityOf(o.cityIndex).areaCode}) 555-01${String(10 + i).padStart(2, '0')}`,
}));

function buildClinicians(): Clinician[] {
  const rng = new Rng(20_260_601, 7);
  const out: Clinician[] = [];
  for (let i = 0; i < FACILITIES.length * CLINICIANS_PER_FACILITY; i++) {
    const pool = rng.pick(NAME_POOLS);
    const given = rng.chance(0.5) ? rng.pick(pool.female) : rng.pick(pool.male);
    out.push({
      id: `demo-prac-${i + 1}`,
      given,
      family: rng.pick(pool.family),
      credential: rng.pick(CREDENTIALS),
      specialty: SPECIALTIES[i % SPECIALTIES.length] ?? 'Internal Medicine',
    });
  }
  return out;
}

/** The fixed clinicians shared by all demo patients; clinician i works at facility i mod facilities. */
export const CLINICIANS: readonly Clinician[] = buildClinicians();

/** Clinicians working at a facility, optionally of one specialty. */
export function cliniciansAt(facility: Facility, specialty?: string): Clinician[] {
  const index = FACILITIES.indexOf(facility);
  const all = CLINICIANS.filter((_, i) => i % FACILITIES.length === index);
  const matching = specialty === undefined ? all : all.filter((c) => c.specialty === specialty);
  return matching.length > 0 ? matching : all;
}

/** The Organization resource of a facility. */
export function organizationResource(f: Facility): Organization & { id: string } {
  const seed = itemAt(ORGANIZATIONS, FACILITIES.indexOf(f));
  const city = cityOf(seed.cityIndex);
  return {
    resourceType: 'Organization',
    id: f.id,
    identifier: [{ system: SYSTEMS.orgId, value: f.id }],
    active: true,
    type: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/organization-type',
            code: 'prov',
            display: 'Healthcare Provider',
          },
        ],
      },
    ],
    name: f.name,
    alias: [f.alias],
    telecom: [{ system: 'phone', value: f.phone, use: 'work' }],
    address: [{ line: [seed.street], city: city.city, state: city.state, postalCode: `${city.zip}01`, country: 'US' }],
  };
}

/** The Practitioner resource of a clinician. */
export function practitionerResource(c: Clinician): Practitioner & { id: string } {
  const n = Number(c.id.slice(c.id.lastIndexOf('-') + 1));
  return {
    resourceType: 'Practitioner',
    id: c.id,
    identifier: [{ system: SYSTEMS.npi, value: String(1_900_000_000 + n * 7_919) }],
    active: true,
    name: [
      {
        use: 'official',
        family: c.family,
        given: [c.given],
        ...(c.credential === 'MD' || c.credential === 'DO' ? { prefix: ['Dr.'] } : {}),
        suffix: [c.credential],
      },
    ],
    qualification: [{ code: { text: c.specialty } }],
  };
}

/** How a clinician is named in a note. */
export function clinicianName(c: Clinician): string {
  return c.credential === 'MD' || c.credential === 'DO'
    ? `Dr. ${c.given} ${c.family}`
    : `${c.given} ${c.family}, ${c.credential}`;
}

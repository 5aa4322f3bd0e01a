import { DAY } from './dates.js';
import { NAME_POOLS, RELATIVES } from './names.js';
import { CITIES, EMAIL_DOMAINS, STREET_NAMES, STREET_SUFFIXES } from './places.js';
import type { Rng } from './prng.js';
import type { Demographics } from './record-builder.js';

const ASCII: Record<string, string> = {
  á: 'a',
  é: 'e',
  í: 'i',
  ó: 'o',
  ú: 'u',
  è: 'e',
  ř: 'r',
  ñ: 'n',
  ' ': '',
  "'": '',
  '-': '',
};

function emailLocal(given: string, family: string): string {
  return `${given}.${family}`
    .toLowerCase()
    .split('')
    .map((ch) => ASCII[ch] ?? ch)
    .join('')
    .replace(/[^a-z.]/g, '');
}

/** A unique 8-digit MRN per (seed, index) for indexes below nine million. */
export function mrnFor(seed: number, index: number): string {
  return String(10_000_000 + ((index * 7_919 + (seed % 9_000_000) * 104_729) % 9_000_000));
}

/** A fictional phone number (555-01xx) in a city's area code. */
export function phoneFor(rng: Rng, areaCode: string): string {
  return `(${areaCode}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}

/** Options that pin parts of the random demographics. */
export interface DemographicsOptions {
  mrn: string;
  anchor: number;
  minAge: number;
  maxAge: number;
  sex?: 'male' | 'female';
}

/** Random but deterministic demographics drawn from the name and place lists. */
export function randomDemographics(rng: Rng, opts: DemographicsOptions): Demographics {
  const pool = rng.pick(NAME_POOLS);
  const sex = opts.sex ?? (rng.chance(0.5) ? 'female' : 'male');
  const given = rng.pick(sex === 'female' ? pool.female : pool.male);
  const family = rng.pick(pool.family);
  const ageDays = rng.int(opts.minAge * 365, opts.maxAge * 365 + 300);
  const city = rng.pick(CITIES);
  const phone = phoneFor(rng, city.areaCode);
  const relativePool = rng.chance(0.8) ? pool : rng.pick(NAME_POOLS);
  const relation = ageDays < 18 * 365 ? rng.pick(['mother', 'father']) : rng.pick(RELATIVES);
  const relSex = ['mother', 'daughter', 'wife', 'sister', 'granddaughter', 'niece'].includes(relation)
    ? 'female'
    : 'male';
  return {
    given,
    family,
    sex,
    birthMs: opts.anchor - ageDays * DAY,
    mrn: opts.mrn,
    phone,
    ...(ageDays >= 16 * 365 && rng.chance(0.6)
      ? { email: `${emailLocal(given, family)}${rng.int(1, 99)}@${rng.pick(EMAIL_DOMAINS)}` }
      : {}),
    line: `${rng.int(2, 980)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}${rng.chance(0.2) ? ` Apt ${rng.int(1, 40)}` : ''}`,
    city: city.city,
    state: city.state,
    zip: `${city.zip}${String(rng.int(1, 99)).padStart(2, '0')}`,
    ...(rng.chance(0.6)
      ? {
          relative: {
            relation,
            name: rng.pick(relSex === 'female' ? relativePool.female : relativePool.male),
            phone: phoneFor(rng, city.areaCode),
          },
        }
      : {}),
  };
}

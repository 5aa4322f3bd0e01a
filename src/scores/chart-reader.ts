import {
  convertUnit,
  type FactBase,
  type MedicationFact,
  type ObservationFact,
  type PatientContext,
  type ProblemFact,
  type VitalSign,
} from '../patient/index.js';
import type { ConditionSet, MedicationSet, ObservationSet } from './knowledge/schema.js';

const HOUR_MS = 3_600_000;

/** A numeric reading from a fact, in the unit the score asked for. */
export interface Reading {
  fact: ObservationFact;
  value: number;
  unit: string;
  time: string;
}

// Routes with local action only (SNOMED CT route codes and common words).
const LOCAL_ROUTE_CODES = new Set(['6064005', '45890007', '54485002', '10547007', '37161004', '16857009']);
const LOCAL_ROUTE_WORDS = /topical|cutaneous|transdermal|ophthalmic|otic|vaginal|nasal|dermal|eye|ear/i;

function timeOf(value: string | null): number | null {
  if (value === null) {
    return null;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

function icdKey(code: string): string {
  return code.replace('.', '').toUpperCase();
}

function wordIn(text: string, word: string): boolean {
  return new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(text);
}

/** Age in completed years on `at` from a FHIR birth date (YYYY[-MM[-DD]]); null when unknown or in the future. */
export function ageInYears(birthDate: string | null, at: Date): number | null {
  const m = birthDate === null ? null : /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate);
  if (!m) {
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? '1'), Number(m[3] ?? '1')];
  let years = at.getUTCFullYear() - y;
  const beforeBirthday = at.getUTCMonth() + 1 < mo || (at.getUTCMonth() + 1 === mo && at.getUTCDate() < d);
  if (beforeBirthday) {
    years -= 1;
  }
  return years < 0 ? null : years;
}

/** Reads a patient context as of an evaluation time: facts dated after `now` are invisible. */
export class ChartReader {
  readonly ctx: PatientContext;
  readonly now: Date;

  constructor(ctx: PatientContext, now: Date) {
    this.ctx = ctx;
    this.now = now;
  }

  /** The window start `hours` before now, as an ISO string. */
  since(hours: number): string {
    return new Date(this.now.getTime() - hours * HOUR_MS).toISOString();
  }

  /** Age in completed years at the evaluation time (from the birth date, else the context's age). */
  age(): number | null {
    return ageInYears(this.ctx.patient.birthDate, this.now) ?? this.ctx.patient.age?.years ?? null;
  }

  /** Age in days at the evaluation time (null without a full birth date). */
  ageDays(): number | null {
    const birth = this.ctx.patient.birthDate;
    if (birth === null || !/^\d{4}-\d{2}-\d{2}/.test(birth)) {
      return null;
    }
    const days = Math.floor((this.now.getTime() - Date.parse(birth.slice(0, 10))) / 86_400_000);
    return days < 0 ? null : days;
  }

  /** Encounters whose period overlaps the last `hours` (start before now, not ended before the window). */
  encountersIn(hours: number): PatientContext['encounters'] {
    const from = this.now.getTime() - hours * HOUR_MS;
    return this.ctx.encounters.filter((e) => {
      const start = timeOf(e.effectiveTime);
      const end = timeOf(e.effectiveEnd);
      return start !== null && start <= this.now.getTime() && (end === null || end >= from);
    });
  }

  /** Administrative sex, when male or female. */
  sex(): 'male' | 'female' | null {
    const s = this.ctx.patient.sex;
    return s === 'male' || s === 'female' ? s : null;
  }

  private inWindow(fact: FactBase, hours: number): boolean {
    const t = timeOf(fact.effectiveTime);
    return t !== null && t <= this.now.getTime() && t >= this.now.getTime() - hours * HOUR_MS;
  }

  private reading(fact: ObservationFact, unit: string): Reading | null {
    const v = fact.value;
    if (v?.type !== 'quantity' || fact.effectiveTime === null) {
      return null;
    }
    // A unitless number is accepted only for dimensionless targets such as '{score}' (GCS, pain).
    const from = v.unit ?? (unit.startsWith('{') ? unit : null);
    if (from === null) {
      return null;
    }
    const value = from === unit ? v.value : convertUnit(v.value, from, unit);
    return value === null ? null : { fact, value, unit, time: fact.effectiveTime };
  }

  /** Every numeric vital of a kind within the window (newest first), in `unit`. */
  vitals(sign: VitalSign, unit: string, hours: number): Reading[] {
    const out: Reading[] = [];
    for (const f of this.ctx.vitals.facts) {
      if (f.vitalSign === sign && this.inWindow(f, hours)) {
        const r = this.reading(f, unit);
        if (r) {
          out.push(r);
        }
      }
    }
    return out;
  }

  /** The newest numeric vital of a kind within the window. */
  vital(sign: VitalSign, unit: string, hours: number): Reading | null {
    return this.vitals(sign, unit, hours)[0] ?? null;
  }

  /** Every observation fact (any group) of a vital kind within the window, numeric or coded, newest first. */
  vitalFacts(sign: VitalSign, hours: number): ObservationFact[] {
    return [...this.ctx.vitals.facts, ...this.ctx.observations].filter(
      (f) => f.vitalSign === sign && this.inWindow(f, hours),
    );
  }

  /** Every numeric result of a lab set within the window (newest first), in the set's unit. */
  labs(set: ObservationSet, hours: number): Reading[] {
    const codes = new Set<string>(set.loinc);
    const out: Reading[] = [];
    for (const f of [...this.ctx.labs.facts, ...this.ctx.observations]) {
      if (f.loinc !== null && codes.has(f.loinc) && this.inWindow(f, hours)) {
        const r = this.reading(f, set.unit);
        if (r) {
          out.push(r);
        }
      }
    }
    return out.sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  }

  /** The newest numeric result of a lab set within the window. */
  lab(set: ObservationSet, hours: number): Reading | null {
    return this.labs(set, hours)[0] ?? null;
  }

  /**
   * Problems matching a condition set: current ones (not resolved/inactive), or any non-refuted entry for history
   * sets; problems with an onset after now are invisible.
   */
  problems(set: ConditionSet): ProblemFact[] {
    const snomed = new Set<string>(set.snomed);
    return this.ctx.problems.filter((p) => {
      if (p.verificationStatus === 'refuted' || p.verificationStatus === 'entered-in-error') {
        return false;
      }
      const onset = timeOf(p.onset ?? p.recordedDate);
      if (onset !== null && onset > this.now.getTime()) {
        return false;
      }
      // Current sets need a problem that is not inactive (active, or status unknown without an abatement date).
      if (!set.history && p.flags.active === false) {
        return false;
      }
      return p.snomed.some((c) => snomed.has(c)) || p.icd10.some((c) => set.icd10.some((x) => icdKey(c).startsWith(x)));
    });
  }

  /** Active medications matching a medication set (by class, ingredient name or drug text); none ordered after now. */
  medications(set: MedicationSet): MedicationFact[] {
    const classes = new Set<string>(set.classes);
    return this.ctx.medications.filter((m) => {
      if (m.flags.active !== true) {
        return false;
      }
      const start = timeOf(m.authoredOn ?? m.effectiveTime);
      if (start !== null && start > this.now.getTime()) {
        return false;
      }
      if (set.systemicOnly && isLocalRoute(m)) {
        return false;
      }
      return (
        m.classes.some((c) => classes.has(c)) ||
        m.ingredients.some((i) => set.ingredients.some((n) => i.name === n || wordIn(i.name, n))) ||
        set.ingredients.some((n) => wordIn(m.text, n))
      );
    });
  }
}

/** True when a medication's route acts locally (topical, ophthalmic...). */
export function isLocalRoute(m: MedicationFact): boolean {
  const route = m.route;
  if (route && (LOCAL_ROUTE_CODES.has(route.code) || LOCAL_ROUTE_WORDS.test(route.display ?? route.code))) {
    return true;
  }
  return /\b(gel|cream|ointment|patch|eye drops?|topical)\b/i.test(m.text);
}

import type { IhtcInstance, IhtcSolution } from './schema.js';

/**
 * The independent IHTC validator: hard-constraint violations and the weighted soft cost, recomputed from the instance
 * and solution JSON alone (it shares no state with the solver). Rules from the IHTC 2024 problem specification
 * (Ceschia, Di Gaspero, Mazzaracchio, Policante, Schaerf: "Integrated Healthcare Timetabling Competition 2024",
 * ihtc2024.github.io); it reproduces the published costs of the best-known solutions.
 */

export const HARD_CONSTRAINTS = [
  'gender-mix',
  'incompatible-room',
  'surgeon-overtime',
  'theater-overtime',
  'mandatory-unscheduled',
  'admission-day',
  'room-capacity',
  'uncovered-room',
  'invalid-reference',
] as const;
export type HardConstraint = (typeof HARD_CONSTRAINTS)[number];

export const SOFT_COSTS = [
  'room_mixed_age',
  'room_nurse_skill',
  'continuity_of_care',
  'nurse_eccessive_workload',
  'open_operating_theater',
  'surgeon_transfer',
  'patient_delay',
  'unscheduled_optional',
] as const;
export type SoftCost = (typeof SOFT_COSTS)[number];

export interface IhtcViolation {
  constraint: HardConstraint;
  /** How much: patients, minutes over, rooms uncovered… (as the competition validator counts). */
  amount: number;
  message: string;
}

export interface IhtcEvaluation {
  violations: number;
  byConstraint: Partial<Record<HardConstraint, number>>;
  /** The first violations in words (at most 50). */
  details: IhtcViolation[];
  /** Unweighted count of each soft cost component. */
  counts: Record<SoftCost, number>;
  /** Weighted cost of each component, and the total. */
  costs: Record<SoftCost, number>;
  cost: number;
}

interface Stay {
  id: string;
  gender: string;
  age: number;
  los: number;
  start: number;
  room: string;
  workload: number[];
  skill: number[];
}

class Tally {
  readonly details: IhtcViolation[] = [];
  readonly byConstraint: Partial<Record<HardConstraint, number>> = {};
  total = 0;
  add(constraint: HardConstraint, amount: number, message: string): void {
    if (amount <= 0) return;
    this.total += amount;
    this.byConstraint[constraint] = (this.byConstraint[constraint] ?? 0) + amount;
    if (this.details.length < 50) this.details.push({ constraint, amount, message });
  }
}

function admittedStays(
  instance: IhtcInstance,
  solution: IhtcSolution,
  tally: Tally,
): { stays: Stay[]; admitted: Map<string, { day: number; room: string; theater: string }> } {
  const ageIndex = new Map(instance.age_groups.map((a, i) => [a, i]));
  const rooms = new Set(instance.rooms.map((r) => r.id));
  const theaters = new Set(instance.operating_theaters.map((t) => t.id));
  const stays: Stay[] = instance.occupants.map((o) => ({
    id: o.id,
    gender: o.gender,
    age: ageIndex.get(o.age_group) ?? 0,
    los: o.length_of_stay,
    start: 0,
    room: o.room_id,
    workload: o.workload_produced,
    skill: o.skill_level_required,
  }));
  const admitted = new Map<string, { day: number; room: string; theater: string }>();
  const byId = new Map(instance.patients.map((p) => [p.id, p]));
  for (const entry of solution.patients) {
    const patient = byId.get(entry.id);
    if (!patient) {
      tally.add('invalid-reference', 1, `solution names unknown patient ${entry.id}`);
      continue;
    }
    if (entry.admission_day === 'none') continue;
    const room = entry.room ?? '';
    const theater = entry.operating_theater ?? '';
    if (!rooms.has(room) || !theaters.has(theater) || entry.admission_day >= instance.days) {
      tally.add(
        'invalid-reference',
        1,
        `patient ${entry.id}: unknown room or theater, or admission day outside the horizon`,
      );
      continue;
    }
    admitted.set(entry.id, { day: entry.admission_day, room, theater });
    stays.push({
      id: patient.id,
      gender: patient.gender,
      age: ageIndex.get(patient.age_group) ?? 0,
      los: patient.length_of_stay,
      start: entry.admission_day,
      room,
      workload: patient.workload_produced,
      skill: patient.skill_level_required,
    });
  }
  return { stays, admitted };
}

/** Patient-level rules: admission window, mandatory patients, compatible rooms, delay and unscheduled optionals. */
function checkPatients(
  instance: IhtcInstance,
  admitted: Map<string, { day: number; room: string; theater: string }>,
  tally: Tally,
  counts: Record<SoftCost, number>,
): void {
  for (const p of instance.patients) {
    const a = admitted.get(p.id);
    if (!a) {
      if (p.mandatory)
        tally.add(
          'mandatory-unscheduled',
          1,
          `mandatory patient ${p.id} is not admitted (due by day ${p.surgery_due_day ?? '?'})`,
        );
      else counts.unscheduled_optional++;
      continue;
    }
    const due = p.mandatory ? (p.surgery_due_day ?? instance.days - 1) : instance.days - 1;
    if (a.day < p.surgery_release_day || a.day > due) {
      tally.add(
        'admission-day',
        1,
        `patient ${p.id} admitted on day ${a.day}, outside its window ${p.surgery_release_day}–${due}`,
      );
    }
    if (p.incompatible_room_ids.includes(a.room))
      tally.add('incompatible-room', 1, `patient ${p.id} is in room ${a.room}, which is incompatible with it`);
    counts.patient_delay += Math.max(0, a.day - p.surgery_release_day);
  }
}

/** Operating theatres and surgeons: overtime (hard), opened theatre-days and surgeon transfers (soft). */
function checkSurgery(
  instance: IhtcInstance,
  admitted: Map<string, { day: number; room: string; theater: string }>,
  tally: Tally,
  counts: Record<SoftCost, number>,
): void {
  const byId = new Map(instance.patients.map((p) => [p.id, p]));
  const theaterLoad = new Map<string, number>();
  const surgeonLoad = new Map<string, number>();
  const surgeonTheaters = new Map<string, Set<string>>();
  for (const [id, a] of admitted) {
    const p = byId.get(id);
    if (!p) continue;
    const tk = `${a.theater}|${a.day}`;
    const sk = `${p.surgeon_id}|${a.day}`;
    theaterLoad.set(tk, (theaterLoad.get(tk) ?? 0) + p.surgery_duration);
    surgeonLoad.set(sk, (surgeonLoad.get(sk) ?? 0) + p.surgery_duration);
    const set = surgeonTheaters.get(sk) ?? new Set<string>();
    set.add(a.theater);
    surgeonTheaters.set(sk, set);
  }
  const theaters = new Map(instance.operating_theaters.map((t) => [t.id, t]));
  for (const [key, load] of theaterLoad) {
    const [id = '', day = '0'] = key.split('|');
    const cap = theaters.get(id)?.availability[Number(day)] ?? 0;
    tally.add(
      'theater-overtime',
      load - cap,
      `theatre ${id} on day ${day}: ${load} min of surgery for ${cap} min available`,
    );
    if (load > 0) counts.open_operating_theater++;
  }
  const surgeons = new Map(instance.surgeons.map((s) => [s.id, s]));
  for (const [key, load] of surgeonLoad) {
    const [id = '', day = '0'] = key.split('|');
    const cap = surgeons.get(id)?.max_surgery_time[Number(day)] ?? 0;
    tally.add(
      'surgeon-overtime',
      load - cap,
      `surgeon ${id} on day ${day}: ${load} min of surgery for a ${cap} min maximum`,
    );
    counts.surgeon_transfer += Math.max(0, (surgeonTheaters.get(key)?.size ?? 1) - 1);
  }
}

/** Evaluates a solution: every hard violation and the weighted soft cost, as the competition's validator does. */
export function evaluateIhtcSolution(instance: IhtcInstance, solution: IhtcSolution): IhtcEvaluation {
  const tally = new Tally();
  const counts = Object.fromEntries(SOFT_COSTS.map((k) => [k, 0])) as Record<SoftCost, number>;
  const { stays, admitted } = admittedStays(instance, solution, tally);
  checkPatients(instance, admitted, tally, counts);
  checkSurgery(instance, admitted, tally, counts);
  checkRoomsAndNurses({ instance, solution, stays, tally, counts });
  const costs = Object.fromEntries(SOFT_COSTS.map((k) => [k, counts[k] * instance.weights[k]])) as Record<
    SoftCost,
    number
  >;
  return {
    violations: tally.total,
    byConstraint: tally.byConstraint,
    details: tally.details,
    counts,
    costs,
    cost: SOFT_COSTS.reduce((sum, k) => sum + costs[k], 0),
  };
}

interface RoomCheck {
  instance: IhtcInstance;
  solution: IhtcSolution;
  stays: Stay[];
  tally: Tally;
  counts: Record<SoftCost, number>;
}

/** Rooms per day (gender mix, capacity, age mix) and nurses per shift (coverage, skill, workload, continuity). */
function checkRoomsAndNurses({ instance, solution, stays, tally, counts }: RoomCheck): void {
  const days = instance.days;
  const shifts = instance.shift_types.length;
  const shiftIndex = new Map(instance.shift_types.map((s, i) => [s, i]));
  const occupancy = new Map<string, Stay[]>();
  for (const stay of stays) {
    for (let d = stay.start; d < Math.min(days, stay.start + stay.los); d++) {
      const key = `${stay.room}|${d}`;
      const list = occupancy.get(key) ?? [];
      list.push(stay);
      occupancy.set(key, list);
    }
  }
  const capacity = new Map(instance.rooms.map((r) => [r.id, r.capacity]));
  for (const [key, list] of occupancy) {
    const [room = '', day = ''] = key.split('|');
    const genders = new Set(list.map((s) => s.gender));
    if (genders.size > 1) tally.add('gender-mix', 1, `room ${room} on day ${day} holds patients of different genders`);
    const cap = capacity.get(room) ?? 0;
    tally.add(
      'room-capacity',
      list.length - cap,
      `room ${room} on day ${day} holds ${list.length} patients for ${cap} beds`,
    );
    const ages = list.map((s) => s.age);
    counts.room_mixed_age += Math.max(...ages) - Math.min(...ages);
  }
  const nurseOf = new Map<string, string>();
  const nurseSkill = new Map(instance.nurses.map((n) => [n.id, n.skill_level]));
  const maxLoad = new Map<string, number>();
  for (const n of instance.nurses)
    for (const w of n.working_shifts) maxLoad.set(`${n.id}|${w.day}|${shiftIndex.get(w.shift) ?? -1}`, w.max_load);
  for (const n of solution.nurses) {
    for (const a of n.assignments) {
      const s = shiftIndex.get(a.shift) ?? -1;
      if (!nurseSkill.has(n.id) || !maxLoad.has(`${n.id}|${a.day}|${s}`)) {
        if (a.rooms.length > 0)
          tally.add(
            'invalid-reference',
            1,
            `nurse ${n.id} is assigned rooms on day ${a.day} ${a.shift}, a shift it does not work`,
          );
        continue;
      }
      for (const room of a.rooms) nurseOf.set(`${room}|${a.day}|${s}`, n.id);
    }
  }
  const load = new Map<string, number>();
  const distinct = new Map<string, Set<string>>();
  for (const [key, list] of occupancy) {
    const [room = '', dayText = '0'] = key.split('|');
    const day = Number(dayText);
    for (let s = 0; s < shifts; s++) {
      const nurse = nurseOf.get(`${room}|${day}|${s}`);
      if (nurse === undefined) {
        tally.add(
          'uncovered-room',
          1,
          `room ${room} on day ${day}, shift ${instance.shift_types[s] ?? s} has patients but no nurse`,
        );
        continue;
      }
      const skill = nurseSkill.get(nurse) ?? 0;
      for (const stay of list) {
        const index = (day - stay.start) * shifts + s;
        const lk = `${nurse}|${day}|${s}`;
        load.set(lk, (load.get(lk) ?? 0) + (stay.workload[index] ?? 0));
        counts.room_nurse_skill += Math.max(0, (stay.skill[index] ?? 0) - skill);
        const set = distinct.get(stay.id) ?? new Set<string>();
        set.add(nurse);
        distinct.set(stay.id, set);
      }
    }
  }
  for (const [key, value] of load) counts.nurse_eccessive_workload += Math.max(0, value - (maxLoad.get(key) ?? 0));
  for (const set of distinct.values()) counts.continuity_of_care += set.size;
}

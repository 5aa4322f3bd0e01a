import type { IhtcInstance } from './schema.js';

/**
 * The solver's indexed view of an instance: stays 0..O-1 are the fixed occupants, O..O+P-1 the patients to plan.
 * Per-shift arrays of a stay are indexed `day offset × shifts + shift`.
 */
export interface IhtcModel {
  days: number;
  shifts: number;
  rooms: number;
  theaters: number;
  surgeons: number;
  nurses: number;
  ageGroups: number;
  occupants: number;
  patients: number;
  /** Per stay. */
  gender: Int8Array;
  age: Int8Array;
  los: Int32Array;
  workload: Int32Array[];
  skill: Int32Array[];
  /** Occupant's room (occupants only; -1 for patients). */
  fixedRoom: Int32Array;
  /** Per patient (index p = stay - occupants). */
  mandatory: Uint8Array;
  release: Int32Array;
  due: Int32Array;
  duration: Int32Array;
  surgeon: Int32Array;
  /** incompatible[p * rooms + r] = 1 when patient p may not use room r. */
  incompatible: Uint8Array;
  capacity: Int32Array;
  /** availability[t * days + d] */
  availability: Int32Array;
  /** maxSurgery[u * days + d] */
  maxSurgery: Int32Array;
  nurseSkill: Int32Array;
  /** maxLoad[(n * days + d) * shifts + s], -1 when the nurse does not work that shift. */
  maxLoad: Int32Array;
  /** Nurses working each (d, s): workingNurses[d * shifts + s]. */
  workingNurses: Int32Array[];
  weights: IhtcInstance['weights'];
  ids: { stays: string[]; rooms: string[]; theaters: string[]; nurses: string[]; shifts: string[] };
}

/** Builds the indexed model (the instance must have passed `parseIhtcInstance`). */
export function buildIhtcModel(instance: IhtcInstance): IhtcModel {
  const days = instance.days;
  const shifts = instance.shift_types.length;
  const roomIndex = new Map(instance.rooms.map((r, i) => [r.id, i]));
  const surgeonIndex = new Map(instance.surgeons.map((s, i) => [s.id, i]));
  const ageIndex = new Map(instance.age_groups.map((a, i) => [a, i]));
  const genders = new Map<string, number>();
  const genderOf = (g: string): number => {
    if (!genders.has(g)) genders.set(g, genders.size);
    return genders.get(g) ?? 0;
  };
  const stays = [...instance.occupants, ...instance.patients];
  const O = instance.occupants.length;
  const P = instance.patients.length;
  const R = instance.rooms.length;
  const incompatible = new Uint8Array(P * R);
  instance.patients.forEach((p, i) => {
    for (const r of p.incompatible_room_ids) incompatible[i * R + (roomIndex.get(r) ?? 0)] = 1;
  });
  const N = instance.nurses.length;
  const maxLoad = new Int32Array(N * days * shifts).fill(-1);
  const shiftIndex = new Map(instance.shift_types.map((s, i) => [s, i]));
  const working: number[][] = Array.from({ length: days * shifts }, () => []);
  instance.nurses.forEach((n, i) => {
    for (const w of n.working_shifts) {
      const s = shiftIndex.get(w.shift) ?? 0;
      maxLoad[(i * days + w.day) * shifts + s] = w.max_load;
      working[w.day * shifts + s]?.push(i);
    }
  });
  return {
    days,
    shifts,
    rooms: R,
    theaters: instance.operating_theaters.length,
    surgeons: instance.surgeons.length,
    nurses: N,
    ageGroups: instance.age_groups.length,
    occupants: O,
    patients: P,
    gender: Int8Array.from(stays.map((s) => genderOf(s.gender))),
    age: Int8Array.from(stays.map((s) => ageIndex.get(s.age_group) ?? 0)),
    los: Int32Array.from(stays.map((s) => s.length_of_stay)),
    workload: stays.map((s) => Int32Array.from(s.workload_produced)),
    skill: stays.map((s) => Int32Array.from(s.skill_level_required)),
    fixedRoom: Int32Array.from([
      ...instance.occupants.map((o) => roomIndex.get(o.room_id) ?? 0),
      ...instance.patients.map(() => -1),
    ]),
    mandatory: Uint8Array.from(instance.patients.map((p) => (p.mandatory ? 1 : 0))),
    release: Int32Array.from(instance.patients.map((p) => p.surgery_release_day)),
    due: Int32Array.from(
      instance.patients.map((p) => Math.min(days - 1, p.mandatory ? (p.surgery_due_day ?? days - 1) : days - 1)),
    ),
    duration: Int32Array.from(instance.patients.map((p) => p.surgery_duration)),
    surgeon: Int32Array.from(instance.patients.map((p) => surgeonIndex.get(p.surgeon_id) ?? 0)),
    incompatible,
    capacity: Int32Array.from(instance.rooms.map((r) => r.capacity)),
    availability: Int32Array.from(instance.operating_theaters.flatMap((t) => t.availability)),
    maxSurgery: Int32Array.from(instance.surgeons.flatMap((s) => s.max_surgery_time)),
    nurseSkill: Int32Array.from(instance.nurses.map((n) => n.skill_level)),
    maxLoad,
    workingNurses: working.map((w) => Int32Array.from(w)),
    weights: instance.weights,
    ids: {
      stays: stays.map((s) => s.id),
      rooms: instance.rooms.map((r) => r.id),
      theaters: instance.operating_theaters.map((t) => t.id),
      nurses: instance.nurses.map((n) => n.id),
      shifts: instance.shift_types,
    },
  };
}

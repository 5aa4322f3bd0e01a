import { AppError } from '../../core/errors.js';
import { IhtcInstanceSchema, IhtcSolutionSchema, type IhtcInstance, type IhtcSolution } from './schema.js';

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new AppError('VITALIS_BAD_REQUEST', `The ${what} is not valid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

function refuse(what: string, problems: string[]): never {
  throw new AppError('VITALIS_BAD_REQUEST', `Invalid IHTC ${what}: ${problems.slice(0, 5).join('; ')}`, {
    issues: problems.slice(0, 50).map((p) => ({ severity: 'error', code: 'invalid', diagnostics: p })),
  });
}

/** Cross-references the schema cannot express: ids that must exist, per-shift arrays of the right length. */
function instanceProblems(instance: IhtcInstance): string[] {
  const problems: string[] = [];
  const shifts = instance.shift_types.length;
  const rooms = new Set(instance.rooms.map((r) => r.id));
  const surgeons = new Set(instance.surgeons.map((s) => s.id));
  const ages = new Set(instance.age_groups);
  const stays = [
    ...instance.occupants.map((o, i) => ({ ...o, path: `occupants[${i}]` })),
    ...instance.patients.map((p, i) => ({ ...p, path: `patients[${i}]` })),
  ];
  for (const stay of stays) {
    const expected = stay.length_of_stay * shifts;
    if (stay.workload_produced.length !== expected || stay.skill_level_required.length !== expected) {
      problems.push(
        `${stay.path}: workload_produced and skill_level_required need ${expected} values (length_of_stay × shifts)`,
      );
    }
    if (!ages.has(stay.age_group)) problems.push(`${stay.path}.age_group: unknown age group`);
  }
  instance.occupants.forEach((o, i) => {
    if (!rooms.has(o.room_id)) problems.push(`occupants[${i}].room_id: unknown room`);
  });
  instance.patients.forEach((p, i) => {
    if (!surgeons.has(p.surgeon_id)) problems.push(`patients[${i}].surgeon_id: unknown surgeon`);
    if (p.mandatory && p.surgery_due_day === undefined)
      problems.push(`patients[${i}].surgery_due_day: required for a mandatory patient`);
    if (p.incompatible_room_ids.some((r) => !rooms.has(r)))
      problems.push(`patients[${i}].incompatible_room_ids: unknown room`);
  });
  const days = instance.days;
  instance.surgeons.forEach((s, i) => {
    if (s.max_surgery_time.length !== days) problems.push(`surgeons[${i}].max_surgery_time: needs ${days} values`);
  });
  instance.operating_theaters.forEach((t, i) => {
    if (t.availability.length !== days) problems.push(`operating_theaters[${i}].availability: needs ${days} values`);
  });
  const shiftNames = new Set(instance.shift_types);
  instance.nurses.forEach((n, i) => {
    n.working_shifts.forEach((w, j) => {
      if (!shiftNames.has(w.shift) || w.day >= days)
        problems.push(`nurses[${i}].working_shifts[${j}]: unknown shift or day out of horizon`);
    });
  });
  return problems;
}

/** Parses and checks an IHTC instance; throws VITALIS_BAD_REQUEST naming the offending paths. */
export function parseIhtcInstance(text: string): IhtcInstance {
  const parsed = IhtcInstanceSchema.safeParse(parseJson(text, 'instance'));
  if (!parsed.success) {
    refuse(
      'instance',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const problems = instanceProblems(parsed.data);
  if (problems.length > 0) refuse('instance', problems);
  return parsed.data;
}

/** Parses an IHTC solution file (the competition's format); ids are checked by the validator. */
export function parseIhtcSolution(text: string): IhtcSolution {
  const parsed = IhtcSolutionSchema.safeParse(parseJson(text, 'solution'));
  if (!parsed.success) {
    refuse(
      'solution',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  return parsed.data;
}

import { z } from 'zod';

/**
 * The IHTC 2024 (Integrated Healthcare Timetabling Problem) instance and solution JSON formats, as published by the
 * competition (ihtc2024.github.io). Field names, including the competition's own spelling, are kept as published.
 */

const Id = z.string().min(1);
const Day = z.number().int().min(0);

export const IhtcWeightsSchema = z.object({
  room_mixed_age: z.number().min(0),
  room_nurse_skill: z.number().min(0),
  continuity_of_care: z.number().min(0),
  nurse_eccessive_workload: z.number().min(0),
  open_operating_theater: z.number().min(0),
  surgeon_transfer: z.number().min(0),
  patient_delay: z.number().min(0),
  unscheduled_optional: z.number().min(0),
});

const StayFields = {
  id: Id,
  gender: Id,
  age_group: Id,
  length_of_stay: z.number().int().min(1),
  workload_produced: z.array(z.number().int().min(0)),
  skill_level_required: z.array(z.number().int().min(0)),
};

export const IhtcOccupantSchema = z.object({ ...StayFields, room_id: Id });

export const IhtcPatientSchema = z.object({
  ...StayFields,
  mandatory: z.boolean(),
  surgery_release_day: Day,
  /** Present for mandatory patients only. */
  surgery_due_day: Day.optional(),
  surgery_duration: z.number().int().min(0),
  surgeon_id: Id,
  incompatible_room_ids: z.array(Id),
});

export const IhtcInstanceSchema = z.object({
  days: z.number().int().min(1).max(366),
  skill_levels: z.number().int().min(1),
  shift_types: z.array(Id).min(1),
  age_groups: z.array(Id).min(1),
  occupants: z.array(IhtcOccupantSchema),
  patients: z.array(IhtcPatientSchema),
  surgeons: z.array(z.object({ id: Id, max_surgery_time: z.array(z.number().int().min(0)) })),
  operating_theaters: z.array(z.object({ id: Id, availability: z.array(z.number().int().min(0)) })),
  rooms: z.array(z.object({ id: Id, capacity: z.number().int().min(0) })),
  nurses: z.array(
    z.object({
      id: Id,
      skill_level: z.number().int().min(0),
      working_shifts: z.array(z.object({ day: Day, shift: Id, max_load: z.number().int().min(0) })),
    }),
  ),
  weights: IhtcWeightsSchema,
});

export const IhtcSolutionSchema = z.object({
  patients: z.array(
    z.object({
      id: Id,
      admission_day: z.union([Day, z.literal('none')]),
      room: Id.optional(),
      operating_theater: Id.optional(),
    }),
  ),
  nurses: z.array(
    z.object({
      id: Id,
      assignments: z.array(z.object({ day: Day, shift: Id, rooms: z.array(Id) })),
    }),
  ),
});

export type IhtcInstance = z.infer<typeof IhtcInstanceSchema>;
export type IhtcSolution = z.infer<typeof IhtcSolutionSchema>;
export type IhtcWeights = z.infer<typeof IhtcWeightsSchema>;

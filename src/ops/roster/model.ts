import { z } from 'zod';

/** A shift type: its length and the shift types that may not be worked on the following day. */
export interface ShiftType {
  id: string;
  minutes: number;
  /** Shift ids that cannot be worked the day after this shift. */
  forbiddenNext: string[];
}

/** Per-employee hard limits of the Curtois & Qu model. */
export interface Employee {
  id: string;
  /** Maximum number of shifts of each type over the horizon; a missing type means no shifts of that type. */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  /** Runs of worked days that do not touch the horizon ends must be at least this long (1 = no constraint). */
  minConsecutiveShifts: number;
  /** Runs of days off that do not touch the horizon ends must be at least this long (1 = no constraint). */
  minConsecutiveDaysOff: number;
  /** Maximum number of weekends (Saturday or Sunday worked) over the horizon; day 0 is a Monday. */
  maxWeekends: number;
  /** Day indexes (0-based) on which the employee cannot work. */
  daysOff: number[];
}

/** A soft request: work (on-request) or avoid (off-request) a shift on a day, violated at `weight` cost. */
export interface ShiftRequest {
  employee: string;
  day: number;
  shift: string;
  weight: number;
}

/** Soft cover: the preferred number of staff on a shift, with per-person under and over weights. */
export interface CoverRequirement {
  day: number;
  shift: string;
  requirement: number;
  underWeight: number;
  overWeight: number;
}

/** A complete shift-scheduling problem (Curtois & Qu benchmark model). */
export interface RosterProblem {
  name: string;
  horizonDays: number;
  shifts: ShiftType[];
  employees: Employee[];
  shiftOnRequests: ShiftRequest[];
  shiftOffRequests: ShiftRequest[];
  cover: CoverRequirement[];
}

/** A roster: `roster[e][d]` is the shift id employee `e` (problem order) works on day `d`, or null for a day off. */
export type Roster = (string | null)[][];

const id = z.string().min(1).max(64);
const count = z.number().int().min(0);

/** zod schema of the Vitalis JSON roster-problem format (see src/ops/README.md). */
export const rosterProblemSchema = z
  .object({
    name: z.string().max(200).default('roster'),
    horizonDays: z.number().int().min(1).max(3660),
    shifts: z
      .array(z.object({ id, minutes: z.number().int().min(1), forbiddenNext: z.array(id).default([]) }).strict())
      .min(1),
    employees: z
      .array(
        z
          .object({
            id,
            maxShifts: z.record(id, count),
            maxTotalMinutes: count,
            minTotalMinutes: count.default(0),
            maxConsecutiveShifts: z.number().int().min(1),
            minConsecutiveShifts: z.number().int().min(1).default(1),
            minConsecutiveDaysOff: z.number().int().min(1).default(1),
            maxWeekends: count,
            daysOff: z.array(count).default([]),
          })
          .strict(),
      )
      .min(1),
    shiftOnRequests: z
      .array(z.object({ employee: id, day: count, shift: id, weight: z.number().min(0) }).strict())
      .default([]),
    shiftOffRequests: z
      .array(z.object({ employee: id, day: count, shift: id, weight: z.number().min(0) }).strict())
      .default([]),
    cover: z
      .array(
        z
          .object({
            day: count,
            shift: id,
            requirement: count,
            underWeight: z.number().min(0),
            overWeight: z.number().min(0),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

/** The JSON input type accepted by `rosterProblemSchema` (before defaults). */
export type RosterProblemInput = z.input<typeof rosterProblemSchema>;

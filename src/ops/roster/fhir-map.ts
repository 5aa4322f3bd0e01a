import type { Appointment, Bundle, BundleEntry, PractitionerRole, Resource, Schedule, Slot } from '@medplum/fhirtypes';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { parseRosterJson } from './json-format.js';
import type { Roster, RosterProblem } from './model.js';

/**
 * The FHIR mapping of a roster problem. Staff are the ward's PractitionerRoles; each one's Schedule holds Slots that
 * state availability: `busy-unavailable` = a day off (hard), `free` at a shift's start = a request to work that shift,
 * `busy-tentative` at a shift's start = a request not to work it. The ward configuration gives the horizon, the shift
 * types, the cover and the contract rules. The solved roster goes back as the ward's Slots and one booked Appointment
 * per shift worked, as a transaction Bundle any FHIR server (ours included) accepts.
 */

const Time = z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM');
const Contract = z
  .object({
    maxShifts: z.record(z.string(), z.number().int().min(0)),
    maxTotalMinutes: z.number().int().min(0),
    minTotalMinutes: z.number().int().min(0).default(0),
    maxConsecutiveShifts: z.number().int().min(1),
    minConsecutiveShifts: z.number().int().min(1).default(1),
    minConsecutiveDaysOff: z.number().int().min(1).default(1),
    maxWeekends: z.number().int().min(0),
  })
  .strict();

export const WardConfigSchema = z
  .object({
    name: z.string().min(1).max(200),
    /** First day of the horizon (a Monday, as in the benchmark model), YYYY-MM-DD. */
    start: z.iso.date(),
    days: z.number().int().min(1).max(366),
    /** IANA-free: times are local wall-clock times written with this UTC offset, e.g. "+01:00". */
    utcOffset: z
      .string()
      .regex(/^[+-]\d{2}:\d{2}$/)
      .default('+00:00'),
    shifts: z
      .array(
        z
          .object({
            id: z.string().min(1),
            start: Time,
            minutes: z.number().int().min(1),
            forbiddenNext: z.array(z.string()).default([]),
          })
          .strict(),
      )
      .min(1),
    /** Cover per shift: by weekday (0 = Monday … 6 = Sunday) or the same every day. */
    cover: z.array(
      z
        .object({
          shift: z.string(),
          requirement: z.number().int().min(0),
          weekdays: z.array(z.number().int().min(0).max(6)).optional(),
          underWeight: z.number().min(0).default(100),
          overWeight: z.number().min(0).default(1),
        })
        .strict(),
    ),
    contract: Contract,
    /** Per-PractitionerRole contract overrides, keyed by role id. */
    contracts: z.record(z.string(), Contract.partial()).default({}),
    requestWeights: z
      .object({ on: z.number().min(0).default(2), off: z.number().min(0).default(3) })
      .strict()
      .default({ on: 2, off: 3 }),
  })
  .strict();

export type WardConfig = z.infer<typeof WardConfigSchema>;

const DAY_MS = 86_400_000;

function dayIndex(ward: WardConfig, iso: string): number {
  const start = Date.parse(`${ward.start}T00:00:00${ward.utcOffset === '+00:00' ? 'Z' : ward.utcOffset}`);
  return Math.floor((Date.parse(iso) - start) / DAY_MS);
}

function localTime(iso: string, ward: WardConfig): string {
  const offsetMinutes =
    (ward.utcOffset.startsWith('-') ? -1 : 1) *
    (Number(ward.utcOffset.slice(1, 3)) * 60 + Number(ward.utcOffset.slice(4)));
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(11, 16);
}

function resourcesOf(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

/** Builds the roster problem from the ward's PractitionerRoles, Schedules and Slots (a Bundle) and its configuration. */
export function rosterProblemFromFhir(bundle: Bundle, wardInput: unknown): RosterProblem {
  const parsed = WardConfigSchema.safeParse(wardInput);
  if (!parsed.success) {
    throw new AppError(
      'VITALIS_BAD_REQUEST',
      `Invalid ward configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const ward = parsed.data;
  const resources = resourcesOf(bundle);
  const roles = resources.filter(
    (r): r is PractitionerRole => r.resourceType === 'PractitionerRole' && r.active !== false,
  );
  if (roles.length === 0)
    throw new AppError('VITALIS_BAD_REQUEST', 'The bundle holds no active PractitionerRole: add the ward staff');
  const scheduleOwner = new Map<string, string>();
  for (const s of resources.filter((r): r is Schedule => r.resourceType === 'Schedule')) {
    const role = s.actor
      .find((a) => a.reference?.startsWith('PractitionerRole/'))
      ?.reference?.slice('PractitionerRole/'.length);
    if (s.id && role) scheduleOwner.set(s.id, role);
  }
  const daysOff = new Map<string, Set<number>>();
  const on: RosterProblem['shiftOnRequests'] = [];
  const off: RosterProblem['shiftOffRequests'] = [];
  const shiftAt = new Map(ward.shifts.map((s) => [s.start, s.id]));
  for (const slot of resources.filter((r): r is Slot => r.resourceType === 'Slot')) {
    const role = scheduleOwner.get(slot.schedule.reference?.replace(/^Schedule\//, '') ?? '');
    const day = dayIndex(ward, slot.start);
    if (!role || day < 0 || day >= ward.days) continue;
    const shift = shiftAt.get(localTime(slot.start, ward));
    if (slot.status === 'busy-unavailable') {
      const set = daysOff.get(role) ?? new Set<number>();
      set.add(day);
      daysOff.set(role, set);
    } else if (shift && slot.status === 'free') {
      on.push({ employee: role, day, shift, weight: ward.requestWeights.on });
    } else if (shift && slot.status === 'busy-tentative') {
      off.push({ employee: role, day, shift, weight: ward.requestWeights.off });
    }
  }
  const startWeekday = (new Date(`${ward.start}T00:00:00Z`).getUTCDay() + 6) % 7;
  const cover = [];
  for (let day = 0; day < ward.days; day++) {
    const weekday = (startWeekday + day) % 7;
    for (const c of ward.cover) {
      if (c.weekdays && !c.weekdays.includes(weekday)) continue;
      cover.push({
        day,
        shift: c.shift,
        requirement: c.requirement,
        underWeight: c.underWeight,
        overWeight: c.overWeight,
      });
    }
  }
  return parseRosterJson({
    name: ward.name,
    horizonDays: ward.days,
    shifts: ward.shifts.map((s) => ({ id: s.id, minutes: s.minutes, forbiddenNext: s.forbiddenNext })),
    employees: roles.map((role) => ({
      id: role.id ?? '',
      ...ward.contract,
      ...ward.contracts[role.id ?? ''],
      daysOff: [...(daysOff.get(role.id ?? '') ?? [])].sort((a, b) => a - b),
    })),
    shiftOnRequests: on,
    shiftOffRequests: off,
    cover,
  });
}

function instant(ward: WardConfig, day: number, time: string, plusMinutes = 0): string {
  const offset = ward.utcOffset === '+00:00' ? 'Z' : ward.utcOffset;
  const ms = Date.parse(`${ward.start}T${time}:00${offset}`) + day * DAY_MS + plusMinutes * 60_000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * The solved roster as a FHIR transaction: one ward Schedule, a Slot per shift and day (busy when staffed), and a
 * booked Appointment per shift worked, naming the PractitionerRole.
 */
export function rosterToFhir(problem: RosterProblem, roster: Roster, wardInput: unknown): Bundle {
  const ward = WardConfigSchema.parse(wardInput);
  const scheduleUrl = 'urn:uuid:00000000-0000-4000-8000-000000000000';
  const entries: BundleEntry[] = [
    {
      fullUrl: scheduleUrl,
      resource: {
        resourceType: 'Schedule',
        active: true,
        comment: `Roster of ${ward.name}`,
        actor: [{ display: ward.name }],
      } satisfies Schedule,
      request: { method: 'POST', url: 'Schedule' },
    },
  ];
  let n = 1;
  const uuid = (): string => `urn:uuid:00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`;
  for (let day = 0; day < problem.horizonDays; day++) {
    for (const shift of ward.shifts) {
      const start = instant(ward, day, shift.start);
      const end = instant(ward, day, shift.start, shift.minutes);
      const staff = problem.employees.filter((_, e) => roster[e]?.[day] === shift.id);
      const slotUrl = uuid();
      entries.push({
        fullUrl: slotUrl,
        resource: {
          resourceType: 'Slot',
          schedule: { reference: scheduleUrl },
          status: staff.length > 0 ? 'busy' : 'free',
          start,
          end,
          comment: `shift ${shift.id}`,
        } satisfies Slot,
        request: { method: 'POST', url: 'Slot' },
      });
      for (const employee of staff) {
        entries.push({
          fullUrl: uuid(),
          resource: {
            resourceType: 'Appointment',
            status: 'booked',
            description: `${ward.name} shift ${shift.id}`,
            start,
            end,
            slot: [{ reference: slotUrl }],
            participant: [{ actor: { reference: `PractitionerRole/${employee.id}` }, status: 'accepted' }],
          } satisfies Appointment,
          request: { method: 'POST', url: 'Appointment' },
        });
      }
    }
  }
  return { resourceType: 'Bundle', type: 'transaction', entry: entries };
}

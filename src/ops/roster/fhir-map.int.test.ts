import type { Appointment, Bundle, PractitionerRole, Resource, Schedule, Slot } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlRepository } from '../../adapters/fhir-sql/sql-repository.js';
import { openTestStore, type TestStore } from '../../adapters/fhir-sql/test-support/stores.js';
import { checkRoster } from './check.js';
import { rosterProblemFromFhir, rosterToFhir, type WardConfig } from './fhir-map.js';
import { solveRoster } from './solve.js';

const ward: WardConfig = {
  name: 'Ward 7B',
  start: '2026-11-23',
  days: 7,
  utcOffset: '+01:00',
  shifts: [
    { id: 'E', start: '07:00', minutes: 480, forbiddenNext: [] },
    { id: 'L', start: '14:30', minutes: 480, forbiddenNext: ['E'] },
  ],
  cover: [
    { shift: 'E', requirement: 2, underWeight: 100, overWeight: 1 },
    { shift: 'L', requirement: 1, weekdays: [0, 1, 2, 3, 4], underWeight: 100, overWeight: 1 },
  ],
  contract: {
    maxShifts: { E: 7, L: 7 },
    maxTotalMinutes: 2400,
    minTotalMinutes: 0,
    maxConsecutiveShifts: 5,
    minConsecutiveShifts: 1,
    minConsecutiveDaysOff: 1,
    maxWeekends: 1,
  },
  contracts: { 'rn-c': { maxShifts: { E: 7, L: 0 } } },
  requestWeights: { on: 2, off: 3 },
};

function staffBundle(): Bundle {
  const resources: Resource[] = [];
  for (const id of ['rn-a', 'rn-b', 'rn-c', 'rn-d']) {
    resources.push({
      resourceType: 'PractitionerRole',
      id,
      active: true,
      code: [{ text: 'Registered nurse' }],
    } satisfies PractitionerRole);
    resources.push({
      resourceType: 'Schedule',
      id: `sched-${id}`,
      actor: [{ reference: `PractitionerRole/${id}` }],
    } satisfies Schedule);
  }
  const slot = (schedule: string, start: string, status: Slot['status']): Slot => ({
    resourceType: 'Slot',
    schedule: { reference: `Schedule/${schedule}` },
    status,
    start,
    end: start,
  });
  resources.push(slot('sched-rn-a', '2026-11-25T00:00:00+01:00', 'busy-unavailable'));
  resources.push(slot('sched-rn-b', '2026-11-24T14:30:00+01:00', 'free'));
  resources.push(slot('sched-rn-d', '2026-11-23T07:00:00+01:00', 'busy-tentative'));
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

describe('roster problems from FHIR, and rosters back to FHIR', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('pglite');
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('maps PractitionerRoles, Slots and the ward configuration into the roster model', () => {
    const problem = rosterProblemFromFhir(staffBundle(), ward);
    expect(problem.employees.map((e) => e.id)).toEqual(['rn-a', 'rn-b', 'rn-c', 'rn-d']);
    expect(problem.employees[0]?.daysOff).toEqual([2]);
    expect(problem.employees[2]?.maxShifts).toEqual({ E: 7, L: 0 });
    expect(problem.shiftOnRequests).toEqual([{ employee: 'rn-b', day: 1, shift: 'L', weight: 2 }]);
    expect(problem.shiftOffRequests).toEqual([{ employee: 'rn-d', day: 0, shift: 'E', weight: 3 }]);
    expect(problem.cover.filter((c) => c.shift === 'L').map((c) => c.day)).toEqual([0, 1, 2, 3, 4]);
    expect(() => rosterProblemFromFhir(staffBundle(), { ...ward, days: 0 })).toThrow(/days/);
    expect(() => rosterProblemFromFhir({ resourceType: 'Bundle', type: 'collection' }, ward)).toThrow(
      /PractitionerRole/,
    );
  });

  it('writes a verified roster as Slots and booked Appointments that a FHIR store accepts in one transaction', async () => {
    const problem = rosterProblemFromFhir(staffBundle(), ward);
    const result = await solveRoster(problem, { timeLimitSeconds: 3, method: 'heuristic' });
    expect(result.roster).not.toBeNull();
    const roster = result.roster!;
    expect(checkRoster(problem, roster).violations).toEqual([]);
    const repo = createSqlRepository(store.db);
    for (const e of staffBundle().entry ?? []) {
      if (e.resource?.resourceType === 'PractitionerRole') await repo.update(e.resource);
    }
    const response = await repo.processBundle(rosterToFhir(problem, roster, ward));
    expect(response.type).toBe('transaction-response');
    const booked = await repo.search<Appointment>({ resourceType: 'Appointment', count: 200 });
    const worked = roster.flat().filter((s) => s !== null).length;
    expect(booked.entry).toHaveLength(worked);
    const first = booked.entry?.[0]?.resource;
    expect(first?.participant[0]?.actor?.reference).toMatch(/^PractitionerRole\/rn-/);
    expect(first?.slot?.[0]?.reference).toMatch(/^Slot\//);
    const monday = roster.map((row) => row[0]);
    const earlyMonday = (booked.entry ?? []).filter((e) => e.resource?.start === '2026-11-23T06:00:00Z');
    expect(earlyMonday).toHaveLength(monday.filter((s) => s === 'E').length);
  });
});

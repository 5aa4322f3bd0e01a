import type { IhtcInstance } from './schema.js';
import type { IhtcEvaluation } from './validate.js';

/**
 * Why an instance could not be solved without violations: capacity checks that prove a mandatory patient cannot fit
 * (its surgeon's time or the theatres' time inside its admission window), then the validator's remaining violations.
 */
export function explainIhtcInfeasibility(instance: IhtcInstance, evaluation: IhtcEvaluation): string[] {
  const reasons: string[] = [];
  const surgeons = new Map(instance.surgeons.map((s) => [s.id, s]));
  for (const p of instance.patients.filter((x) => x.mandatory)) {
    const due = Math.min(instance.days - 1, p.surgery_due_day ?? instance.days - 1);
    const window = Array.from(
      { length: Math.max(0, due - p.surgery_release_day + 1) },
      (_, i) => p.surgery_release_day + i,
    );
    const surgeon = surgeons.get(p.surgeon_id);
    const surgeonMax = Math.max(0, ...window.map((d) => surgeon?.max_surgery_time[d] ?? 0));
    if (surgeonMax < p.surgery_duration) {
      reasons.push(
        `mandatory patient ${p.id} needs ${p.surgery_duration} min of surgeon ${p.surgeon_id} between days ${p.surgery_release_day} and ${due}, who has at most ${surgeonMax} min on any of those days`,
      );
    }
    const theaterMax = Math.max(
      0,
      ...window.flatMap((d) => instance.operating_theaters.map((t) => t.availability[d] ?? 0)),
    );
    if (theaterMax < p.surgery_duration) {
      reasons.push(
        `mandatory patient ${p.id} needs a ${p.surgery_duration}-minute theatre slot between days ${p.surgery_release_day} and ${due}; no theatre has one`,
      );
    }
    const rooms = instance.rooms.filter((r) => r.capacity > 0 && !p.incompatible_room_ids.includes(r.id));
    if (rooms.length === 0) reasons.push(`mandatory patient ${p.id} is incompatible with every room that has beds`);
  }
  for (const v of evaluation.details.slice(0, 20)) reasons.push(`${v.constraint}: ${v.message}`);
  return reasons;
}

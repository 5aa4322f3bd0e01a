import type { EncounterClass, NOTE_TYPES, ProcedureKey } from './catalog.js';
import { addEncounter, addProcedure } from './clinical.js';
import type { ConditionKey } from './conditions.js';
import { LABS, interpretLab, type LabKey } from './labs.js';
import { addNote, type NoteLab } from './notes.js';
import { addLab, addVitals, type VitalSet } from './observations.js';
import type { Clinician, RecordBuilder, Ref } from './record-builder.js';

/** Everything that happens in one encounter; the note is written last so it reflects the chart. */
export interface VisitSpec {
  cls: EncounterClass;
  start: number;
  end: number;
  clinician: Clinician;
  reason: string;
  reasonCode?: ConditionKey;
  noteType?: keyof typeof NOTE_TYPES;
  vitals: VitalSet;
  /** Further vital sets during the encounter (e.g. ED re-checks). */
  vitalSeries?: { at: number; vitals: VitalSet }[];
  labs?: { key: LabKey; value: number; at?: number }[];
  procedures?: { key: ProcedureKey; at?: number }[];
  /** Adds conditions, medications etc. before the note is written. */
  during?: (encounter: Ref) => void;
  chiefComplaint: string;
  hpi: string;
  exam: string[];
  assessment: string[];
  plan: string[];
}

const DEFAULT_NOTE: Record<EncounterClass, keyof typeof NOTE_TYPES> = { AMB: 'AMB', EMER: 'EMER', IMP: 'IMP' };

/** Records an encounter with vitals, labs, procedures and its clinical note. */
export function recordVisit(b: RecordBuilder, v: VisitSpec): Ref {
  const enc = addEncounter(b, {
    cls: v.cls,
    start: v.start,
    end: v.end,
    reason: v.reason,
    ...(v.reasonCode !== undefined ? { reasonCode: v.reasonCode } : {}),
    clinician: v.clinician,
  });
  addVitals(b, v.vitals, v.start + 10 * 60_000, enc);
  for (const s of v.vitalSeries ?? []) {
    addVitals(b, s.vitals, s.at, enc);
  }
  const latest = new Map<LabKey, NoteLab>();
  for (const l of v.labs ?? []) {
    const def = LABS[l.key];
    const value = addLab(b, { key: l.key, value: l.value, at: l.at ?? v.start + 45 * 60_000, encounter: enc });
    latest.set(l.key, {
      short: def.short,
      value: value.toFixed(def.decimals),
      unit: def.unit,
      flag: interpretLab(def, value),
    });
  }
  for (const p of v.procedures ?? []) {
    addProcedure(b, p.key, p.at ?? v.start + 30 * 60_000, enc);
  }
  v.during?.(enc);
  addNote(b, {
    type: v.noteType ?? (v.cls === 'IMP' && v.end > b.anchor ? 'HP' : DEFAULT_NOTE[v.cls]),
    at: v.start,
    encounter: enc,
    clinician: v.clinician,
    chiefComplaint: v.chiefComplaint,
    hpi: v.hpi,
    exam: v.exam,
    vitals: v.vitals,
    labs: [...latest.values()],
    assessment: v.assessment,
    plan: v.plan,
  });
  return enc;
}

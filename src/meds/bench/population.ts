import type { Patient, Resource } from '@medplum/fhirtypes';
import { generateDemoPatients } from '../../demo/index.js';
import { contextFromResources } from '../../patient/index.js';
import { checkMedications } from '../check.js';
import type { MedsKnowledge } from '../kb.js';

/** Alert tiers on the demo population (active-list review of every patient). */
export interface PopulationFigures {
  patients: number;
  cards: number;
  interruptive: number;
  interruptiveShare: number;
  byRule: Record<string, number>;
}

/** Reviews the active medications of `patients` demo patients and counts the cards by tier. */
export function populationFigures(
  kb: MedsKnowledge,
  options: { patients: number; seed: number; anchor: Date },
): PopulationFigures {
  let cards = 0;
  let interruptive = 0;
  let patients = 0;
  const byRule: Record<string, number> = {};
  for (const bundle of generateDemoPatients({ patients: options.patients, seed: options.seed })) {
    const resources = (bundle.entry ?? []).flatMap((e): Resource[] => (e.resource ? [e.resource] : []));
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    if (!patient) {
      continue;
    }
    patients += 1;
    const context = contextFromResources(patient, resources, { now: options.anchor });
    const result = checkMedications({ context, knowledge: kb });
    for (const a of result.alerts) {
      cards += 1;
      byRule[`${a.ruleId}:${a.tier}`] = (byRule[`${a.ruleId}:${a.tier}`] ?? 0) + 1;
      if (a.tier !== 'informational') {
        interruptive += 1;
      }
    }
  }
  return { patients, cards, interruptive, interruptiveShare: cards === 0 ? 0 : interruptive / cards, byRule };
}

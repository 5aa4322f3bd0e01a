import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { contextFromResources } from './build-context.js';
import { PatientContextSchema } from './context-schema.js';
import { resolveIngredients } from './ingredients.js';
import { bundleResources } from './test-support/fixtures.js';
import { readSyntheaBundle, syntheaAvailable, syntheaFiles } from './test-support/synthea.js';

const data = syntheaAvailable();
const NOW = new Date('2026-01-01T00:00:00Z');

describe.skipIf(!data.ok)(`contextFromResources over every Synthea bundle ${data.reason}`, () => {
  it('builds a valid context for each patient, with sensible counts and resolved ingredients', () => {
    const files = syntheaFiles();
    expect(files.length).toBeGreaterThanOrEqual(60);
    let requests = 0;
    let resolved = 0;
    let resolvedFromDisplayOnly = 0;
    let quantities = 0;
    let canonical = 0;
    for (const file of files) {
      const resources = bundleResources(readSyntheaBundle(file));
      const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
      expect(patient, file).toBeDefined();
      if (!patient) {
        continue;
      }
      const ctx = PatientContextSchema.parse(contextFromResources(patient, resources, { now: NOW }));
      const count = (type: string): number => resources.filter((r) => r.resourceType === type).length;
      expect(ctx.patient.id).toBe(patient.id);
      expect(ctx.patient.age).not.toBeNull();
      expect(ctx.problems).toHaveLength(count('Condition'));
      expect(ctx.medications).toHaveLength(count('MedicationRequest'));
      expect(ctx.allergies).toHaveLength(count('AllergyIntolerance'));
      expect(ctx.encounters).toHaveLength(count('Encounter'));
      expect(ctx.reports).toHaveLength(count('DiagnosticReport'));
      // Every observation yields at least one fact (BP panels yield two).
      const observationFacts = ctx.vitals.facts.length + ctx.labs.facts.length + ctx.observations.length;
      expect(observationFacts).toBeGreaterThanOrEqual(count('Observation'));
      expect(ctx.vitals.facts.length).toBeGreaterThan(0);
      for (const series of [...ctx.vitals.series, ...ctx.labs.series]) {
        expect(series.latest.id).toBe(series.points.at(-1)?.factId ?? series.latest.id);
      }
      for (const m of ctx.medications) {
        requests += 1;
        resolved += m.ingredients.length > 0 ? 1 : 0;
        const displayOnly = resolveIngredients({ text: m.text });
        resolvedFromDisplayOnly += displayOnly.length > 0 ? 1 : 0;
      }
      for (const o of [...ctx.vitals.facts, ...ctx.labs.facts]) {
        if (o.value?.type === 'quantity') {
          quantities += 1;
          canonical += o.value.canonical ? 1 : 0;
        }
      }
    }
    expect(requests).toBe(413);
    // 412 of 413 resolve (terfenadine, withdrawn, is not in our tables); the display alone resolves ~95%.
    expect(resolved / requests).toBeGreaterThanOrEqual(0.99);
    expect(resolvedFromDisplayOnly / requests).toBeGreaterThanOrEqual(0.9);
    expect(canonical / quantities).toBeGreaterThanOrEqual(0.99);
  });
});

import { describe, expect, it } from 'vitest';
import { contextFromResources } from './build-context.js';
import { activeMedications, activeProblems, allFacts, factIndex, latestLab, latestVital } from './queries.js';
import { marge, margeRecord, NOW } from './test-support/fixtures.js';

describe('context queries', () => {
  const ctx = contextFromResources(marge, margeRecord(), { now: NOW });

  it('finds the latest vital by kind and the latest lab by LOINC code', () => {
    expect(latestVital(ctx, 'weight')?.id).toBe('Observation/weight-lb');
    expect(latestVital(ctx, 'temperature')?.value).toMatchObject({ value: 38.5, unit: 'Cel' });
    expect(latestVital(ctx, 'spo2')).toBeUndefined();
    expect(latestLab(ctx, '2160-0', '38483-4')?.id).toBe('Observation/creatinine');
  });

  it('lists active problems and medications, and resolves fact ids', () => {
    expect(activeProblems(ctx).map((p) => p.id)).toEqual(['Condition/afib']);
    expect(activeMedications(ctx).map((m) => m.id)).toEqual([
      'MedicationRequest/warfarin',
      'MedicationRequest/combo-contained',
      'MedicationStatement/omeprazole',
    ]);
    const index = factIndex(ctx);
    expect(index.size).toBe(allFacts(ctx).length);
    expect(index.get('Observation/bp#8480-6')?.source).toBe('Observation/bp/_history/1');
  });
});

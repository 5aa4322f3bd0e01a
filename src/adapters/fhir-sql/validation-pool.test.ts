import type { Patient } from '@medplum/fhirtypes';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { loadFhirDefinitions } from '../../fhir/definitions.js';
import { assertValidResource, rememberValidated } from './validate.js';
import { ValidationPool } from './validation-pool.js';

const valid = JSON.stringify({ resourceType: 'Patient', id: 'vp-1', gender: 'female' });
const invalid = JSON.stringify({ resourceType: 'Observation', id: 'vp-2', code: { text: 'no status' } });

describe('ValidationPool', () => {
  const pool = new ValidationPool();
  afterAll(() => pool.close());

  it(
    'validates in a worker thread, one verdict per resource, and restarts after close',
    { timeout: 60_000 },
    async () => {
      expect(await pool.validate([valid, invalid, '{"resourceType":"Nope"}', 'not json'])).toEqual([
        true,
        false,
        false,
        false,
      ]);
      await pool.close();
      expect(await pool.validate([valid])).toEqual([true]);
    },
  );
});

describe('rememberValidated', () => {
  it('lets exactly one write of the remembered content skip validation; other content is validated', () => {
    loadFhirDefinitions();
    const bad = { resourceType: 'Patient', id: 'rv-1', nickname: 'x' } as unknown as Patient;
    const rejected = (r: Patient): boolean => {
      try {
        assertValidResource(r);
        return false;
      } catch (err) {
        return isAppError(err, 'VITALIS_INVALID_RESOURCE');
      }
    };
    expect(rejected(bad)).toBe(true);
    rememberValidated([JSON.stringify(bad)]);
    expect(rejected({ ...bad, id: 'rv-2' })).toBe(true);
    expect(rejected(bad)).toBe(false);
    expect(rejected(bad)).toBe(true);

    // Unused verdicts are bounded: the oldest are dropped (that content is then validated again).
    rememberValidated([JSON.stringify(bad)]);
    rememberValidated(Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ ...bad, id: `rv-x${i}` })));
    expect(rejected(bad)).toBe(true);
    expect(rejected({ ...bad, id: 'rv-x9999' })).toBe(false);
  });
});

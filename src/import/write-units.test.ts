import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { UNCHANGED_OUTCOME } from '../fhir/outcomes.js';
import { formatSummary } from './format-summary.js';
import type { ImportSummary } from './types.js';
import { entryResult, errorReason, outcomeReason } from './write-units.js';

describe('entryResult', () => {
  it('classifies response entries', () => {
    expect(entryResult({ status: '201 Created' }, 'PUT')).toBe('created');
    expect(entryResult({ status: '200 OK' }, 'PUT')).toBe('updated');
    expect(entryResult({ status: '200 OK', outcome: UNCHANGED_OUTCOME }, 'PUT')).toBe('unchanged');
    expect(entryResult({ status: '200 OK' }, 'POST')).toBe('unchanged');
    expect(entryResult({ status: '400 Bad Request' }, 'PUT')).toBe('rejected');
    expect(entryResult(undefined, 'PUT')).toBe('rejected');
  });
});

describe('reasons', () => {
  it('joins error issues with their FHIRPath expressions', () => {
    const reason = outcomeReason({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'structure',
          diagnostics: 'Missing required property',
          expression: ['Observation.status'],
        },
        {
          severity: 'error',
          code: 'structure',
          details: { text: 'Invalid date format' },
          expression: ['Observation.issued', 'x'],
        },
        { severity: 'information', code: 'informational', diagnostics: 'Invalid Observation resource' },
      ],
    });
    expect(reason).toBe('Missing required property [Observation.status]; Invalid date format [Observation.issued, x]');
    expect(outcomeReason(undefined)).toBe('Rejected');
  });

  it('describes thrown errors', () => {
    const err = new AppError('VITALIS_INVALID_RESOURCE', 'Bundle entry 1: Invalid Observation resource', {
      issues: [{ severity: 'error', code: 'structure', diagnostics: 'Bad', expression: ['Observation.code'] }],
    });
    expect(errorReason(err)).toBe('Bundle entry 1: Invalid Observation resource: Bad [Observation.code]');
    expect(errorReason(new TypeError('boom'))).toBe('TypeError: boom');
  });
});

describe('formatSummary', () => {
  it('prints counts, rate and the first rejections', () => {
    const summary: ImportSummary = {
      files: 3,
      failedFiles: 1,
      resourcesRead: 12_345,
      created: 12_000,
      updated: 5,
      unchanged: 330,
      rejected: 10,
      seconds: 2.5,
      resourcesPerSecond: 4938,
      rejections: [
        { file: 'a.ndjson', location: 'line 2', reason: 'Invalid JSON' },
        {
          file: 'b.json',
          location: 'entry[1]',
          resourceType: 'Observation',
          id: 'o1',
          reason: 'Missing [Observation.status]',
        },
      ],
      rejectionsOmitted: 0,
      aborted: false,
    };
    expect(formatSummary(summary, 1)).toBe(
      [
        'Imported 12,345 resources from 3 files in 2.5 s (4,938 resources/s)',
        '  created 12,000, updated 5, unchanged 330, rejected 10, failed files 1',
        '  2 problems:',
        '    a.ndjson line 2: Invalid JSON',
        '    ... and 1 more',
      ].join('\n'),
    );
    expect(formatSummary(summary)).toContain('    b.json entry[1] Observation/o1: Missing [Observation.status]');
  });
});

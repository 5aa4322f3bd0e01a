import { describe, expect, it } from 'vitest';
import { fhirDate, fhirDateTime, noteDate, parseAnchor } from './dates.js';

describe('dates', () => {
  it('formats FHIR dates and dateTimes exactly like Date#toISOString, across centuries and leap days', () => {
    const samples = [0, -1, 951_782_400_000, 951_868_799_999, -2_208_988_800_001, 4_107_542_399_000, 1_780_315_200_000];
    for (let ms = -3_000_000_000_000; ms < 5_000_000_000_000; ms += 7_777_777_777) {
      samples.push(ms);
    }
    for (const ms of samples) {
      const iso = new Date(ms).toISOString();
      expect(fhirDateTime(ms)).toBe(iso.slice(0, 19) + 'Z');
      expect(fhirDate(ms)).toBe(iso.slice(0, 10));
    }
  });

  it('parses the anchor at noon UTC and writes notes dates in several styles', () => {
    const anchor = parseAnchor('2026-06-01');
    expect(new Date(anchor).toISOString()).toBe('2026-06-01T12:00:00.000Z');
    expect(noteDate(anchor, 'us')).toBe('06/01/2026');
    expect(noteDate(anchor, 'long')).toBe('June 1, 2026');
    expect(noteDate(anchor, 'dmy')).toBe('1-Jun-2026');
    expect(noteDate(anchor, 'short')).toBe('6/1/26');
    expect(() => parseAnchor('June 1')).toThrow(RangeError);
  });
});

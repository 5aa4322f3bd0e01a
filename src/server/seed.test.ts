import { describe, expect, it } from 'vitest';
import { generateDemoPatients } from '../demo/index.js';
import { demoAnchorFor } from './seed.js';

function latestEvent(anchorDate: string): string {
  let latest = '';
  for (const bundle of generateDemoPatients({ patients: 12, seed: 7, anchorDate })) {
    for (const m of JSON.stringify(bundle).matchAll(/"(\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:\.\d+)?Z)"/g)) {
      if ((m[1] ?? '') > latest) latest = m[1] ?? '';
    }
  }
  return latest;
}

describe('demoAnchorFor', () => {
  it('is a UTC instant to the minute, ahead of now', () => {
    expect(demoAnchorFor(new Date('2026-11-22T06:40:31Z'))).toBe('2026-11-22T10:45Z');
    expect(demoAnchorFor(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01T03:05Z');
  });

  it('puts the newest demo event shortly before the seeding time, never after it', () => {
    const now = new Date('2026-11-22T06:40:00Z');
    const latest = Date.parse(latestEvent(demoAnchorFor(now)));
    expect(latest).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - latest).toBeLessThan(60 * 60_000);
  });
});

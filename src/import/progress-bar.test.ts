import { describe, expect, it } from 'vitest';
import { createProgressBar, etaSeconds, formatDuration } from './progress-bar.js';
import type { ImportProgress } from './types.js';

function progress(over: Partial<ImportProgress>): ImportProgress {
  return {
    filesTotal: 4,
    filesDone: 1,
    bytesTotal: 1000,
    bytesRead: 250,
    resourcesRead: 500,
    created: 500,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    elapsedSeconds: 10,
    ...over,
  };
}

function sink(isTTY: boolean): {
  out: string[];
  stream: { isTTY: boolean; columns: number; write(t: string): boolean };
} {
  const out: string[] = [];
  return {
    out,
    stream: {
      isTTY,
      columns: 100,
      write: (t: string) => {
        out.push(t);
        return true;
      },
    },
  };
}

describe('progress bar', () => {
  it('computes the ETA from bytes read', () => {
    expect(etaSeconds(progress({}))).toBe(30);
    expect(etaSeconds(progress({ bytesRead: 0 }))).toBeUndefined();
    expect(formatDuration(30)).toBe('0:30');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('redraws one line on a TTY with bar, rate and ETA, throttled', () => {
    let t = 0;
    const { out, stream } = sink(true);
    const bar = createProgressBar(stream, { now: () => t, redrawMs: 100 });
    bar.update(progress({ file: '/data/a/Alda.json' }));
    t = 50;
    bar.update(progress({ resourcesRead: 600 }));
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(
      `\r[${'#'.repeat(10)}${'.'.repeat(30)}]  25% 500 resources, 50/s, ETA 0:30, file 2/4 Alda.json\x1b[K`,
    );
    t = 150;
    bar.update(progress({ bytesRead: 1000, resourcesRead: 2000, rejected: 3 }));
    expect(out[1]).toContain('100% 2,000 resources, 3 rejected, 200/s, ETA 0:00');
    bar.done();
    expect(out.at(-1)).toBe('\n');
    expect(out.every((l) => l.replace('\r', '').replace('\x1b[K', '').length < 100)).toBe(true);
  });

  it('prints plain lines every interval on a non-TTY and nothing for a short run', () => {
    let t = 0;
    const { out, stream } = sink(false);
    const bar = createProgressBar(stream, { now: () => t, lineMs: 5000 });
    bar.update(progress({}));
    t = 1000;
    bar.update(progress({}));
    expect(out).toEqual([]);
    t = 5000;
    bar.update(progress({ bytesRead: 500 }));
    expect(out).toEqual(['import:  50% 500 resources, 50/s, ETA 0:10, file 2/4\n']);
    bar.done();
    expect(out).toHaveLength(1);
  });
});

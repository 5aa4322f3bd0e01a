import { basename } from 'node:path';
import type { ImportProgress } from './types.js';

/** The part of a terminal stream the progress bar uses (process.stderr fits). */
export interface ProgressStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** Options of the progress bar; the defaults suit a terminal. */
export interface ProgressBarOptions {
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
  /** Minimum ms between redraws on a TTY (default 100). */
  redrawMs?: number;
  /** Ms between plain progress lines on a non-TTY (default 5000). */
  lineMs?: number;
}

/** Formats seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function fraction(p: ImportProgress): number {
  return p.bytesTotal > 0 ? Math.min(1, p.bytesRead / p.bytesTotal) : 0;
}

function rate(p: ImportProgress): number {
  return p.elapsedSeconds > 0 ? p.resourcesRead / p.elapsedSeconds : 0;
}

/** ETA from the bytes read so far; undefined until something was read. */
export function etaSeconds(p: ImportProgress): number | undefined {
  if (p.bytesRead <= 0 || p.bytesTotal <= 0) {
    return undefined;
  }
  return (p.elapsedSeconds * (p.bytesTotal - Math.min(p.bytesRead, p.bytesTotal))) / p.bytesRead;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The text after the bar: percent, resources, rate, ETA and files. */
export function progressText(p: ImportProgress): string {
  const eta = etaSeconds(p);
  const rejected = p.rejected > 0 ? `, ${count(p.rejected)} rejected` : '';
  return (
    `${String(Math.floor(fraction(p) * 100)).padStart(3)}% ${count(p.resourcesRead)} resources${rejected}, ` +
    `${count(rate(p))}/s, ETA ${eta === undefined ? '?' : formatDuration(eta)}, ` +
    `file ${Math.min(p.filesDone + 1, p.filesTotal)}/${p.filesTotal}`
  );
}

/**
 * A terminal progress display for `importPaths`: on a TTY a redrawn bar with resources/s and ETA; otherwise a plain
 * progress line every few seconds. Call `done()` once at the end.
 */
export function createProgressBar(
  stream: ProgressStream,
  options: ProgressBarOptions = {},
): { update(p: ImportProgress): void; done(): void } {
  const now = options.now ?? ((): number => performance.now());
  const tty = stream.isTTY === true;
  const interval = tty ? (options.redrawMs ?? 100) : (options.lineMs ?? 5000);
  let last: ImportProgress | undefined;
  let lastDraw: number | undefined;

  const draw = (p: ImportProgress): void => {
    const text = progressText(p);
    if (!tty) {
      stream.write(`import: ${text}\n`);
      return;
    }
    const columns = stream.columns ?? 80;
    const width = Math.max(10, Math.min(40, columns - text.length - 4));
    const filled = Math.round(fraction(p) * width);
    let line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`;
    if (p.file !== undefined) {
      line += ` ${basename(p.file)}`;
    }
    stream.write(`\r${line.slice(0, Math.max(1, columns - 1))}\x1b[K`);
  };

  return {
    update(p: ImportProgress): void {
      last = p;
      const t = now();
      if (lastDraw === undefined) {
        // A TTY shows the bar at once; a plain stream waits one interval, so short runs print only their summary.
        lastDraw = t;
        if (tty) {
          draw(p);
        }
      } else if (t - lastDraw >= interval) {
        lastDraw = t;
        draw(p);
      }
    },
    done(): void {
      if (tty && last !== undefined) {
        draw(last);
        stream.write('\n');
      }
    },
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// WCAG 2.x contrast of the workspace's text colours on their backgrounds (AA: 4.5:1 for normal text).
const css = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');

function variable(name: string): string {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m?.[1]) throw new Error(`--${name} is not a 6-digit hex colour in styles.css`);
  return m[1];
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('colour contrast (WCAG AA)', () => {
  it('keeps every text/background pair at 4.5:1 or more', () => {
    const pairs: [string, string, string][] = [
      ['text on panel', variable('text'), variable('panel')],
      ['text on page', variable('text'), variable('bg')],
      ['muted on panel', variable('muted'), variable('panel')],
      ['muted on page', variable('muted'), variable('bg')],
      ['link on panel', variable('accent'), variable('panel')],
      ['critical flag', variable('critical'), variable('critical-bg')],
      ['warning flag', variable('warning'), variable('warning-bg')],
      ['info flag', variable('info'), variable('info-bg')],
      ['ok flag', '#1e5e22', '#e6f3e8'],
      ['top bar', '#ffffff', '#14365f'],
      ['muted on table head', variable('muted'), '#eef1f5'],
    ];
    for (const [what, fg, bg] of pairs) {
      expect(contrast(fg, bg), what).toBeGreaterThanOrEqual(4.5);
    }
  });
});

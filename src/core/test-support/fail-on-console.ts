import { afterEach, beforeEach } from 'vitest';

// Stray console output fails the test that produced it (as zod's scripts/fail-on-console.ts).
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
let calls: string[] = [];
const originals = new Map<string, (...args: unknown[]) => void>();

beforeEach(() => {
  calls = [];
  for (const m of methods) {
    originals.set(m, console[m].bind(console));
    console[m] = (...args: unknown[]) => {
      calls.push(`console.${m}: ${args.map(String).join(' ').slice(0, 200)}`);
    };
  }
});

afterEach(() => {
  for (const m of methods) {
    const orig = originals.get(m);
    if (orig) {
      console[m] = orig;
    }
  }
  if (calls.length > 0) {
    throw new Error(`Unexpected console output:\n${calls.join('\n')}`);
  }
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PatientFlags } from './patient-flags.js';

const scores = {
  scores: [
    {
      id: 'news2',
      value: 7,
      status: 'complete',
      band: { scheme: 'RCP', id: 'high', label: 'High (emergency response)' },
      interpretation: 'NEWS2 7',
      flags: [],
    },
  ],
};
const meds = {
  alerts: [{ tier: 'informational' }, { tier: 'interruptive' }],
};

function json(body: unknown): Promise<Response> {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => json(url.includes('/meds-check') ? meds : scores)),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PatientFlags', () => {
  it('shows the NEWS2 band and the count of active medication alerts, coloured by the highest tier', async () => {
    render(<PatientFlags id="p1" />);
    const news2 = await screen.findByText(/NEWS2 7/);
    expect(news2.textContent).toBe('NEWS2 7 High');
    expect(news2.className).toContain('flag-critical');
    const alerts = await screen.findByText('2 med alerts');
    expect(alerts.className).toContain('flag-warning');
  });
});

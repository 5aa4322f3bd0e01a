// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScoreResult } from '../api/client.js';
import { ScoresPanel } from './scores-panel.js';

afterEach(cleanup);

const news2: ScoreResult = {
  id: 'news2',
  name: 'NEWS2',
  version: 'NEWS2 (RCP 2017), SpO2 scale 1',
  reference: 'Royal College of Physicians 2017',
  evaluatedAt: '2026-01-01T00:00:00Z',
  status: 'incomplete',
  value: 6,
  range: { min: 6, max: 9 },
  unit: null,
  band: null,
  otherBands: [],
  interpretation: 'NEWS2 6 from known parameters',
  components: [
    {
      id: 'pulse',
      label: 'Pulse',
      input: 121,
      unit: '/min',
      points: 2,
      basis: 'chart',
      facts: ['Observation/hr1'],
      note: null,
    },
    {
      id: 'consciousness',
      label: 'Consciousness',
      input: null,
      unit: null,
      points: null,
      basis: 'missing',
      facts: [],
      note: null,
    },
  ],
  missing: [{ id: 'consciousness', label: 'Consciousness', reason: 'not recorded', extraKey: null }],
  assumptions: [],
  reasons: [],
  flags: [],
  provenance: {
    facts: [{ id: 'Observation/hr1', source: 'Observation/hr1/_history/3', kind: 'vital', effectiveTime: null }],
    windows: [],
  },
};

describe('ScoresPanel', () => {
  it('shows each input and opens the exact source version of a charted input', () => {
    const onSource = vi.fn();
    render(<ScoresPanel scores={[news2]} onSource={onSource} />);
    expect(screen.getByRole('heading', { name: 'NEWS2' })).toBeTruthy();
    expect(screen.getByText('(range 6–9)')).toBeTruthy();
    expect(screen.getByText('Missing: Consciousness')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /121/ }));
    expect(onSource).toHaveBeenCalledWith('Observation/hr1/_history/3');
  });

  it('hides scores that do not apply', () => {
    render(
      <ScoresPanel
        scores={[{ ...news2, id: 'meld-na', name: 'MELD-Na', status: 'not-applicable' }]}
        onSource={vi.fn()}
      />,
    );
    expect(screen.queryByRole('heading', { name: 'MELD-Na' })).toBeNull();
  });
});

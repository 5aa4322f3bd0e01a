// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MedAlertView, MedsCheckView } from '../api/meds.js';
import { MedAlertsPanel } from './med-alerts-panel.js';

afterEach(cleanup);

const alert = (over: Partial<MedAlertView>): MedAlertView => ({
  id: 'a1',
  category: 'interaction',
  ruleId: 'pddi-warfarin-nsaid',
  knowledgeVersion: 'vitalis-meds-1',
  reference: 'Malone et al. 2004',
  origin: 'active',
  tier: 'interruptive',
  baseTier: 'interruptive',
  summary: 'Warfarin + ibuprofen: bleeding risk',
  detail: 'NSAIDs raise the bleeding risk of warfarin.',
  drugs: [
    { key: 'warfarin', label: 'warfarin', status: 'active', source: 'MedicationRequest/w1/_history/1' },
    { key: 'ibuprofen', label: 'ibuprofen', status: 'active', source: null },
  ],
  reasons: ['INR 3.4 above range'],
  evidence: [{ factId: 'Observation/inr1', source: 'Observation/inr1/_history/2', what: 'INR 3.4' }],
  suggestions: [{ action: { kind: 'substitute', label: 'Use paracetamol instead' }, target: 'ibuprofen' }],
  alsoMatched: [],
  ...over,
});

const result: MedsCheckView = {
  patient: 'p1',
  evaluatedAt: '2026-01-01T00:00:00Z',
  mode: 'review',
  knowledge: [{ name: 'vitalis-meds', version: '1', rules: 120 }],
  renal: { egfr: 55, crcl: null },
  unresolved: [],
  alerts: [
    alert({ id: 'a2', tier: 'informational', summary: 'Duplicate PPI', category: 'duplicate' }),
    alert({}),
    alert({ id: 'a3', tier: 'hard-stop', summary: 'Anaphylaxis to penicillin', category: 'allergy' }),
  ],
};

describe('MedAlertsPanel', () => {
  it('orders alerts by tier and shows reasons, suggestions, rule and reference', () => {
    render(<MedAlertsPanel result={result} onSource={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Medication alerts (3)' })).toBeTruthy();
    const summaries = [...document.querySelectorAll('li.alert strong')].map((s) => s.textContent);
    expect(summaries).toEqual(['Anaphylaxis to penicillin', 'Warfarin + ibuprofen: bleeding risk', 'Duplicate PPI']);
    expect(screen.getAllByText('INR 3.4 above range')).toHaveLength(3);
    expect(screen.getAllByText('Use paracetamol instead').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Rule pddi-warfarin-nsaid/).length).toBe(3);
  });

  it('opens the source of a drug and of the evidence', () => {
    const onSource = vi.fn();
    render(<MedAlertsPanel result={{ ...result, alerts: [alert({})] }} onSource={onSource} />);
    fireEvent.click(screen.getByRole('button', { name: 'warfarin (active)' }));
    fireEvent.click(screen.getByRole('button', { name: 'INR 3.4' }));
    expect(onSource.mock.calls).toEqual([['MedicationRequest/w1/_history/1'], ['Observation/inr1/_history/2']]);
  });

  it('says so when the list has no alert', () => {
    render(<MedAlertsPanel result={{ ...result, alerts: [] }} onSource={vi.fn()} />);
    expect(screen.getByText('No medication-safety alert for the active list.')).toBeTruthy();
  });
});

// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DdxResult } from '../api/ddx.js';
import { DdxPanel } from './ddx-panel.js';

const base: DdxResult = {
  findings: [
    {
      id: 'fever',
      label: 'Fever',
      present: true,
      source: { kind: 'fact', fact: 'Observation/t1', resource: 'Observation/t1/_history/1' },
    },
  ],
  differential: [
    {
      condition: 'sepsis',
      name: 'Sepsis',
      icd10: ['A41.9'],
      snomed: '91302008',
      probability: 0.42,
      group: 'cant-miss',
      for: [{ finding: 'fever', label: 'Fever', weight: 1.2 }],
      against: [],
      unexplained: [],
    },
    {
      condition: 'influenza',
      name: 'Influenza',
      icd10: ['J11.1'],
      snomed: '6142004',
      probability: 0.3,
      group: 'common',
      for: [{ finding: 'fever', label: 'Fever', weight: 0.8 }],
      against: [],
      unexplained: [],
    },
  ],
  nextBest: [{ finding: 'lactate-high', label: 'Raised lactate', expectedInformationGain: 0.31, kind: 'lab' }],
  knowledgeVersion: 'kb-test',
};

// The server re-ranks: with the lactate marked present, sepsis rises; marked absent, it falls.
function respond(body: { findings?: { id: string; present: boolean }[] }): DdxResult {
  const lactate = body.findings?.find((f) => f.id === 'lactate-high');
  if (!lactate) return base;
  const p = lactate.present ? 0.81 : 0.12;
  const [sepsis, flu] = base.differential;
  if (!sepsis || !flu) throw new Error('fixture');
  return {
    ...base,
    findings: [
      ...base.findings,
      { id: 'lactate-high', label: 'Raised lactate', present: lactate.present, source: { kind: 'user' } },
    ],
    differential: lactate.present ? [{ ...sepsis, probability: p }, flu] : [flu, { ...sepsis, probability: p }],
  };
}

const bodyOf = (init?: RequestInit): unknown => JSON.parse(typeof init?.body === 'string' ? init.body : '{}');

const fetchMock = vi.fn((_url: string, init?: RequestInit) => {
  const body = bodyOf(init) as { findings?: { id: string; present: boolean }[] };
  return Promise.resolve(
    new Response(JSON.stringify(respond(body)), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
});

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const names = (): string[] =>
  [...document.querySelectorAll('tbody th[scope="row"]')].map((th) => th.firstChild?.textContent ?? '');

describe('DdxPanel', () => {
  it('shows the ranked differential with probabilities, the can\u2019t-miss group, findings for and next best tests', async () => {
    render(<DdxPanel patientId="p1" />);
    await screen.findByText('42.0 %');
    expect(names()).toEqual(['Sepsis', 'Influenza']);
    expect(screen.getByText("Can't miss")).toBeTruthy();
    expect(screen.getAllByText('+ Fever')).toHaveLength(2);
    expect(screen.getByText('Raised lactate')).toBeTruthy();
    expect(bodyOf(fetchMock.mock.calls[0]?.[1])).toEqual({ patientId: 'p1' });
  });

  it('re-ranks when the clinician marks a next-best finding present or absent', async () => {
    render(<DdxPanel patientId="p1" />);
    await screen.findByText('42.0 %');
    fireEvent.click(screen.getByRole('button', { name: 'Raised lactate: absent' }));
    await screen.findByText('12.0 %');
    expect(names()).toEqual(['Influenza', 'Sepsis']);
    expect(bodyOf(fetchMock.mock.calls.at(-1)?.[1])).toEqual({
      patientId: 'p1',
      findings: [{ id: 'lactate-high', present: false }],
    });
    const lactate = screen.getByRole('checkbox', { name: /Raised lactate/ });
    fireEvent.click(lactate);
    await waitFor(() => expect(screen.getByText('81.0 %')).toBeTruthy());
    expect(names()).toEqual(['Sepsis', 'Influenza']);
    expect(screen.getByText(/Your changes/).textContent).toContain('+ Raised lactate');
    fireEvent.click(screen.getByRole('button', { name: "Back to the chart's findings" }));
    await screen.findByText('42.0 %');
    expect(screen.queryByText(/Your changes/)).toBeNull();
  });
});

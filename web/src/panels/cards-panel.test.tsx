// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardDecision, CardsView } from '../api/cards.js';
import { CardsPanel } from './cards-panel.js';

afterEach(cleanup);

const REASONS = [
  {
    system: 'https://vitalis.health/fhir/CodeSystem/cds-override-reason',
    code: 'not-relevant',
    display: 'Not relevant',
  },
  {
    system: 'https://vitalis.health/fhir/CodeSystem/cds-override-reason',
    code: 'already-done',
    display: 'Already addressed',
  },
];

const result: CardsView = {
  patient: 'p1',
  services: ['vitalis-patient-summary', 'vitalis-score-alerts'],
  errors: [],
  cards: [
    {
      serviceId: 'vitalis-patient-summary',
      serviceTitle: 'Vitalis patient summary',
      feedback: null,
      card: {
        uuid: '11111111-1111-4111-8111-111111111111',
        summary: 'Summary: 2 active problems',
        indicator: 'info',
        detail:
          '**Active problems (2)**\n\n- Sepsis \\*suspected\\*\n- See [guideline](https://example.org/g) and [bad](javascript:alert(1))\n\n<img src=x onerror=alert(1)>',
        source: { label: 'Vitalis patient summary', url: 'http://localhost/' },
        links: [{ label: 'Open the Vitalis patient view', url: 'http://localhost/smart/launch', type: 'smart' }],
      },
    },
    {
      serviceId: 'vitalis-score-alerts',
      serviceTitle: 'Vitalis clinical score alerts',
      feedback: null,
      card: {
        uuid: '22222222-2222-4222-8222-222222222222',
        summary: 'NEWS2 9: urgent clinical review',
        indicator: 'critical',
        detail: 'NEWS2 15. Inputs: Observation/obs-62/_history/1, Observation/obs-66/_history/2; temperature 38.9 Cel',
        source: { label: 'Vitalis scores' },
        suggestions: [
          { label: 'Request an urgent review', uuid: '33333333-3333-4333-8333-333333333333', isRecommended: true },
        ],
        selectionBehavior: 'at-most-one',
        overrideReasons: REASONS,
      },
    },
  ],
};

describe('CardsPanel', () => {
  it('renders cards by urgency, with safe Markdown, suggestions, links and source', () => {
    const { container } = render(<CardsPanel result={result} send={vi.fn()} />);
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('cds-card'));
    expect(items[0]?.textContent).toContain('NEWS2 9');
    expect(screen.getByText('Active problems (2)').tagName).toBe('STRONG');
    expect(screen.getByText('Sepsis *suspected*')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'guideline' }).getAttribute('href')).toBe('https://example.org/g');
    expect(screen.queryByRole('link', { name: 'bad' })).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('Request an urgent review')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Open the Vitalis patient view/ })).toBeTruthy();
  });

  it('turns the FHIR references a card cites into buttons that open the source, and shows units humanely', () => {
    const onSource = vi.fn();
    render(<CardsPanel result={result} send={vi.fn()} onSource={onSource} />);
    fireEvent.click(screen.getByRole('button', { name: 'Observation/obs-66/_history/2' }));
    expect(onSource).toHaveBeenCalledWith('Observation/obs-66/_history/2');
    expect(screen.getByText(/temperature 38.9 °C/)).toBeTruthy();
  });

  it('accepts a card (with its recommended suggestion) and shows the recorded state', async () => {
    const send = vi.fn((_uuid: string, d: CardDecision) =>
      Promise.resolve({ outcome: d.outcome, overrideReason: null, at: '2026-01-01T10:00:00Z' }),
    );
    render(<CardsPanel result={result} send={send} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Accept' })[0] as HTMLElement);
    await waitFor(() => expect(screen.getByText(/Accepted/)).toBeTruthy());
    expect(send).toHaveBeenCalledWith('22222222-2222-4222-8222-222222222222', {
      outcome: 'accepted',
      acceptedSuggestions: ['33333333-3333-4333-8333-333333333333'],
    });
  });

  it("overrides a card with one of the card's reasons", async () => {
    const send = vi.fn(() =>
      Promise.resolve({
        outcome: 'overridden' as const,
        overrideReason: 'Already addressed',
        at: '2026-01-01T10:00:00Z',
      }),
    );
    render(<CardsPanel result={result} send={send} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Override…' })[0] as HTMLElement);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'already-done' } });
    fireEvent.change(screen.getByLabelText(/Comment/), { target: { value: 'discussed with the team' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm override' }));
    await waitFor(() => expect(screen.getByText(/Overridden: Already addressed/)).toBeTruthy());
    expect(send).toHaveBeenCalledWith('22222222-2222-4222-8222-222222222222', {
      outcome: 'overridden',
      overrideReason: REASONS[1],
      userComment: 'discussed with the team',
    });
  });

  it('says what to do when the feedback cannot be recorded, and shows feedback recorded earlier', async () => {
    const send = vi.fn(() => Promise.reject(new Error('Vitalis cannot be reached. Check that the server is running.')));
    const first = result.cards[0];
    if (!first) throw new Error('fixture');
    const withState: CardsView = {
      ...result,
      cards: [
        { ...first, feedback: { outcome: 'overridden', overrideReason: 'Not relevant', at: '2026-01-01T09:00:00Z' } },
      ],
      errors: [
        { serviceId: 'vitalis-ddx', message: 'Vitalis differential could not run; retry, or see the server log.' },
      ],
    };
    render(<CardsPanel result={withState} send={send} />);
    expect(screen.getByText(/Overridden: Not relevant/)).toBeTruthy();
    expect(screen.getByText(/differential could not run/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(screen.getByText(/cannot be reached/)).toBeTruthy());
  });
});

// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RosterResultView } from '../api/ops.js';
import { RosterGrid } from './roster-grid.js';

afterEach(cleanup);

const result: RosterResultView = {
  instance: 'Instance1',
  status: 'optimal',
  objective: 607,
  bound: 607,
  gap: 0,
  seconds: 1.25,
  violations: 0,
  roster: [
    ['D', null, 'D', null, null, null, null],
    [null, 'N', 'N', null, 'D', null, null],
  ],
  breakdown: { cover: 400, requests: 207 },
  explanation: ['Cover of D on day 3 is one short'],
  warnings: [],
  employees: ['A', 'B'],
  horizonDays: 7,
  shifts: [
    { id: 'D', minutes: 480 },
    { id: 'N', minutes: 600 },
  ],
};

describe('RosterGrid', () => {
  it('draws employees by days with coloured shift codes, weekends marked, and the cost breakdown', () => {
    const { container } = render(<RosterGrid result={result} />);
    expect(
      screen.getByRole('heading', { name: /Roster Instance1: optimal, objective 607 \(gap to bound 0.0 %\)/ }),
    ).toBeTruthy();
    expect(container.querySelectorAll('table.roster-grid tbody tr')).toHaveLength(2);
    expect(container.querySelectorAll('th.weekend')).toHaveLength(2);
    const cells = [...container.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent);
    expect(cells).toEqual(['D', '', 'D', '', '', '', '']);
    const d = container.querySelector('tbody td') as HTMLElement;
    const n = container.querySelectorAll('tbody tr')[1]?.querySelectorAll('td')[1] as HTMLElement;
    expect(d.style.background).not.toBe('');
    expect(d.style.background).not.toBe(n.style.background);
    expect(screen.getByText('cover').nextSibling?.textContent).toBe('400');
    expect(screen.getByText('Cover of D on day 3 is one short')).toBeTruthy();
    expect(screen.getByText(/0 hard-constraint violations/).className).toBe('muted');
  });

  it('highlights hard-constraint violations', () => {
    render(<RosterGrid result={{ ...result, status: 'feasible', violations: 2 }} />);
    expect(screen.getByText(/2 hard-constraint violations/).className).toBe('error-box');
  });
});

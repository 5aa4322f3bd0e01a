import type { Roster, RosterProblem } from './model.js';

const DAY_LETTERS = ['M', 'T', 'W', 'T', 'F', 'S', 'S'];

/** Renders a roster as a fixed-width text table: one row per employee, one column per day ("." = off). */
export function formatRosterTable(p: RosterProblem, roster: Roster): string {
  const cell = Math.max(2, ...p.shifts.map((s) => s.id.length)) + 1;
  const name = Math.max(8, ...p.employees.map((e) => e.id.length)) + 1;
  const days = Array.from({ length: p.horizonDays }, (_, d) => d);
  const lines = [
    'employee'.padEnd(name) + days.map((d) => String(d).padStart(cell)).join(''),
    ''.padEnd(name) + days.map((d) => (DAY_LETTERS[d % 7] ?? '').padStart(cell)).join(''),
  ];
  p.employees.forEach((emp, e) => {
    lines.push(emp.id.padEnd(name) + days.map((d) => (roster[e]?.[d] ?? '.').padStart(cell)).join(''));
  });
  const shiftRows = p.shifts.map((s) => {
    const counts = days.map((d) => roster.filter((row) => row[d] === s.id).length);
    return `#${s.id}`.padEnd(name) + counts.map((n) => String(n).padStart(cell)).join('');
  });
  return [...lines, ...shiftRows].join('\n');
}

function csvField(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Renders a roster as CSV: header `employee,0,1,…`, then one row per employee with the shift id or empty for off. */
export function formatRosterCsv(p: RosterProblem, roster: Roster): string {
  const header = ['employee', ...Array.from({ length: p.horizonDays }, (_, d) => String(d))].join(',');
  const rows = p.employees.map((emp, e) =>
    [emp.id, ...Array.from({ length: p.horizonDays }, (_, d) => roster[e]?.[d] ?? '')].map(csvField).join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

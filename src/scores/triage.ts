import type { FactBase, PatientContext } from '../patient/index.js';
import { ChartReader } from './chart-reader.js';
import type { ScoreExtra, ScoreOptions } from './extra-schema.js';
import { CONDITION_SETS } from './knowledge/conditions.js';
import { readMentation } from './mentation.js';
import type { ScoreBand, ScoreResult } from './result-schema.js';
import { band, roundTo, ScoreBuilder } from './score-builder.js';

/** Triage reads vitals, consciousness and pain recorded within this many hours. */
export const TRIAGE_WINDOW_HOURS = 6;
/** A problem counts as the presenting problem when its onset is within this many hours. */
export const TRIAGE_PRESENTATION_HOURS = 24;

const REFERENCE =
  'Gilboy N, Tanabe P, Travers D, Rosenau AM. Emergency Severity Index (ESI): A Triage Tool for Emergency Department Care, Version 4. Implementation Handbook, 2012 edition. AHRQ Pub. No. 12-0014';

/** Danger-zone heart and respiratory rates (decision point D) by age in days; SpO2 < 92% at any age. */
export function dangerZone(ageDays: number): { hr: number; rr: number } {
  if (ageDays < 91) {
    return { hr: 180, rr: 50 };
  }
  if (ageDays < 3 * 365) {
    return { hr: 160, rr: 40 };
  }
  return ageDays <= 8 * 365 ? { hr: 140, rr: 30 } : { hr: 100, rr: 20 };
}

type TriageExtra = ScoreExtra['triage'];

function flagFrom(
  b: ScoreBuilder,
  spec: { id: string; label: string; given: boolean | undefined; found: FactBase[]; note?: string },
): boolean {
  if (spec.given !== undefined) {
    b.add({ id: spec.id, label: spec.label, input: spec.given, points: null, basis: 'extra' });
    return spec.given;
  }
  const yes = spec.found.length > 0;
  b.add({
    id: spec.id,
    label: spec.label,
    input: yes,
    points: null,
    basis: yes ? 'chart' : 'not-documented',
    facts: spec.found,
    ...(spec.note ? { note: spec.note } : {}),
  });
  return yes;
}

function lifeSaving(b: ScoreBuilder, x: TriageExtra): boolean {
  const hr = b.reader.vital('heart-rate', '/min', TRIAGE_WINDOW_HOURS);
  const rr = b.reader.vital('respiratory-rate', '/min', TRIAGE_WINDOW_HOURS);
  const m = readMentation(b, TRIAGE_WINDOW_HOURS);
  const found: FactBase[] = [];
  for (const r of [hr, rr]) {
    if (r?.value === 0) {
      found.push(r.fact);
    }
  }
  if (m && (m.level === 'unresponsive' || (m.gcs !== null && m.gcs <= 8))) {
    found.push(m.fact);
  }
  const yes = flagFrom(b, {
    id: 'a-life-saving',
    label: 'A: requires an immediate life-saving intervention (pulseless, apnoeic, unresponsive)',
    given: x?.lifeSavingIntervention,
    found,
  });
  if (yes) {
    b.reasons.push(
      found.length > 0
        ? 'A: pulseless/apnoeic or unresponsive in the chart'
        : 'A: life-saving intervention required (clinician)',
    );
  }
  return yes;
}

function presenting(b: ScoreBuilder): FactBase[] {
  const set = CONDITION_SETS.highRiskPresentation;
  const from = b.reader.now.getTime() - TRIAGE_PRESENTATION_HOURS * 3_600_000;
  const problems = b.reader.problems(set).filter((p) => Date.parse(p.onset ?? p.recordedDate ?? '') >= from);
  const snomed = new Set<string>(set.snomed);
  const encounters = b.reader
    .encountersIn(TRIAGE_WINDOW_HOURS)
    .filter((e) =>
      e.reasons.some(
        (r) =>
          snomed.has(r.code) ||
          set.icd10.some((p) => r.code.replace('.', '').startsWith(p) && r.system?.includes('icd-10') === true),
      ),
    );
  return [...problems, ...encounters];
}

function highRisk(b: ScoreBuilder, x: TriageExtra, ageDays: number | null): boolean {
  const situation = presenting(b);
  const s = flagFrom(b, {
    id: 'b-high-risk',
    label: 'B: high-risk situation',
    given: x?.highRiskSituation,
    found: situation,
    note: situation.map((f) => f.text).join('; '),
  });
  const m = readMentation(b, TRIAGE_WINDOW_HOURS);
  const confused = m && m.level !== 'alert' ? [m.fact] : [];
  const c = flagFrom(b, {
    id: 'b-confusion',
    label: 'B: new confusion, lethargy or disorientation',
    given: x?.newConfusionOrLethargy,
    found: confused,
  });
  b.window('pain', TRIAGE_WINDOW_HOURS);
  const pain = b.reader.vital('pain', '{score}', TRIAGE_WINDOW_HOURS);
  const p = flagFrom(b, {
    id: 'b-severe-pain',
    label: 'B: severe pain or distress (>= 7/10)',
    given: x?.severePainOrDistress,
    found: pain && pain.value >= 7 ? [pain.fact] : [],
  });
  const temp = b.reader.vital('temperature', 'Cel', TRIAGE_WINDOW_HOURS);
  const neonatalFever = ageDays !== null && ageDays <= 28 && temp !== null && temp.value > 38;
  if (neonatalFever) {
    b.add({
      id: 'b-neonatal-fever',
      label: 'Neonate (<= 28 days) with temperature > 38.0 °C: at least ESI 2',
      input: temp.value,
      unit: 'Cel',
      points: null,
      basis: 'chart',
      facts: [temp.fact],
    });
  }
  const reasons = [
    s && 'B: high-risk situation',
    c && 'B: new confusion/lethargy',
    p && 'B: severe pain/distress',
    neonatalFever && 'B: fever in a neonate',
  ];
  b.reasons.push(...reasons.filter((r): r is string => typeof r === 'string'));
  return s || c || p || neonatalFever;
}

function dangerVitals(b: ScoreBuilder, ageDays: number | null): string[] {
  const limits = dangerZone(ageDays ?? 9 * 365);
  const out: string[] = [];
  const hr = b.reader.vital('heart-rate', '/min', TRIAGE_WINDOW_HOURS);
  const rr = b.reader.vital('respiratory-rate', '/min', TRIAGE_WINDOW_HOURS);
  const spo2 = b.reader.vital('spo2', '%', TRIAGE_WINDOW_HOURS);
  const check = (label: string, r: typeof hr, over: (v: number) => boolean): void => {
    if (r) {
      const v = roundTo(r.value, 0);
      const danger = over(v);
      b.add({
        id: `d-${label}`,
        label: `D: ${label}`,
        input: v,
        points: null,
        basis: 'chart',
        facts: [r.fact],
        ...(danger ? { note: 'danger zone' } : {}),
      });
      if (danger) {
        out.push(`${label} ${String(v)}`);
      }
    }
  };
  check(`heart rate > ${String(limits.hr)}`, hr, (v) => v > limits.hr);
  check(`respiratory rate > ${String(limits.rr)}`, rr, (v) => v > limits.rr);
  check('SpO2 < 92%', spo2, (v) => v < 92);
  return out;
}

function infantFever(b: ScoreBuilder, ageDays: number | null): void {
  const temp = b.reader.vital('temperature', 'Cel', TRIAGE_WINDOW_HOURS);
  if (ageDays === null || temp === null) {
    return;
  }
  if (ageDays > 28 && ageDays <= 90 && temp.value > 38) {
    b.reasons.push('infant 1-3 months with temperature > 38.0 °C: consider ESI 2');
  } else if (ageDays > 90 && ageDays <= 3 * 365 && temp.value > 39) {
    b.reasons.push(
      'child 3 months-3 years with temperature > 39.0 °C: consider ESI 3 if immunisations incomplete or no obvious source',
    );
  }
}

/** An emergency triage level in the manner of ESI v4 (decision points A-D) with its reasons; D only suggests up-triage. */
export function triageEsi(ctx: PatientContext, options: ScoreOptions = {}): ScoreResult {
  const b = new ScoreBuilder(new ChartReader(ctx, options.now ?? new Date(ctx.asOf)));
  const x = options.extra?.triage;
  const ageDays = b.reader.ageDays();
  const inEd = b.reader.encountersIn(TRIAGE_WINDOW_HOURS).some((e) => e.class === 'EMER');
  if (!inEd && x === undefined) {
    b.notApplicable = `no emergency encounter within ${String(TRIAGE_WINDOW_HOURS)} h and no triage inputs given`;
  }
  for (const input of ['heart-rate', 'respiratory-rate', 'spo2', 'temperature']) {
    b.window(input, TRIAGE_WINDOW_HOURS);
  }
  b.assumptions.push(
    'ESI-like support only: decision points A and B need the triage nurse; ESI is a trademark of the ENA',
  );
  const meta = {
    id: 'triage-esi' as const,
    name: 'Emergency triage level (ESI-like)',
    version: 'ESI v4 algorithm (AHRQ 2012), decision points A-D',
    reference: REFERENCE,
  };
  const level = (n: number, extraBands: ScoreBand[] = []): ScoreResult =>
    b.finish(
      meta,
      { value: n, range: { min: n, max: n }, status: b.missing.length === 0 ? 'complete' : 'incomplete' },
      {
        band: band('ESI v4', `esi-${String(n)}`, `ESI ${String(n)}`),
        otherBands: extraBands,
        interpretation: `Triage level ${String(n)}: ${b.reasons.join('; ') || 'no high-risk features found'}`,
      },
    );
  if (lifeSaving(b, x)) {
    return level(1);
  }
  if (highRisk(b, x, ageDays)) {
    return level(2);
  }
  infantFever(b, ageDays);
  const danger = dangerVitals(b, ageDays);
  const resources = x?.expectedResources;
  if (resources === undefined) {
    b.add({
      id: 'c-resources',
      label: 'C: number of different resources expected',
      input: null,
      points: null,
      basis: 'missing',
      extraKey: 'triage.expectedResources',
      missingReason: 'expected ED resources are a triage judgement',
    });
    if (danger.length > 0) {
      b.reasons.push(`danger-zone vitals (${danger.join(', ')}): if 2 or more resources are needed, consider ESI 2`);
    }
    return b.finish(
      meta,
      { value: null, range: { min: 3, max: 5 } },
      { band: null, interpretation: 'Triage level 3-5 depending on the resources needed' },
    );
  }
  b.add({
    id: 'c-resources',
    label: 'C: number of different resources expected',
    input: resources,
    points: null,
    basis: 'extra',
  });
  if (resources === 0) {
    b.reasons.push('C: no resources needed');
    return level(5);
  }
  if (resources === 1) {
    b.reasons.push('C: one resource needed');
    return level(4);
  }
  b.reasons.push(`C: ${String(resources)} resources needed`);
  if (danger.length > 0) {
    b.reasons.push(`D: danger-zone vitals (${danger.join(', ')}): consider ESI 2`);
    b.flags.push('consider-esi-2');
    return level(3, [band('ESI v4 decision point D', 'consider-esi-2', 'Consider up-triage to ESI 2')]);
  }
  return level(3);
}

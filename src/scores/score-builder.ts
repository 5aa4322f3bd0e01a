import type { FactBase } from '../patient/index.js';
import type { ChartReader } from './chart-reader.js';
import type {
  InputBasis,
  LookbackWindow,
  MissingInput,
  ProvenanceFact,
  ScoreBand,
  ScoreComponent,
  ScoreId,
  ScoreResult,
} from './result-schema.js';

/** Identity of a score: id, display name, version label and primary reference. */
export interface ScoreMeta {
  id: ScoreId;
  name: string;
  version: string;
  reference: string;
  unit?: string;
}

/** One component to record; `possible` is the [min, max] points a missing component could score. */
export interface ComponentInput {
  id: string;
  label: string;
  input: number | string | boolean | null;
  unit?: string | null;
  points: number | null;
  basis: InputBasis;
  facts?: readonly FactBase[];
  note?: string;
  possible?: readonly [number, number];
  extraKey?: string;
  missingReason?: string;
}

/** The interpretation of a value: primary band, other bands and one sentence. */
export interface Interpretation {
  band: ScoreBand | null;
  otherBands?: ScoreBand[];
  interpretation: string;
}

/** Collects components, missing inputs, provenance and assumptions, then assembles a `ScoreResult`. */
export class ScoreBuilder {
  readonly reader: ChartReader;
  readonly components: ScoreComponent[] = [];
  readonly missing: MissingInput[] = [];
  readonly assumptions: string[] = [];
  readonly reasons: string[] = [];
  readonly flags: string[] = [];
  private readonly facts = new Map<string, ProvenanceFact>();
  private readonly windows: LookbackWindow[] = [];
  /** When set, the result is 'not-applicable' (value kept for information, no band). */
  notApplicable: string | null = null;
  private minExtra = 0;
  private maxExtra = 0;

  constructor(reader: ChartReader) {
    this.reader = reader;
  }

  /** Marks the score not applicable below a minimum age (years); returns true when it applies. */
  requireAge(minAge: number, who: string): boolean {
    const age = this.reader.age();
    if (age !== null && age < minAge) {
      this.notApplicable = `${who} is validated for patients aged ${String(minAge)} and over`;
      return false;
    }
    return true;
  }

  /** Records a fact in the provenance. */
  use(fact: FactBase): void {
    this.facts.set(fact.id, {
      id: fact.id,
      source: fact.source,
      kind: fact.kind,
      effectiveTime: fact.effectiveTime,
    });
  }

  /** Records a lookback window (once per input name). */
  window(input: string, hours: number): void {
    if (!this.windows.some((w) => w.input === input)) {
      this.windows.push({ input, from: this.reader.since(hours), to: this.reader.now.toISOString(), hours });
    }
  }

  /** Records a component; a missing one is also listed under `missing` with its possible points. */
  add(c: ComponentInput): ScoreComponent {
    for (const f of c.facts ?? []) {
      this.use(f);
    }
    const component: ScoreComponent = {
      id: c.id,
      label: c.label,
      input: c.input,
      unit: c.unit ?? null,
      points: c.points,
      basis: c.basis,
      facts: (c.facts ?? []).map((f) => f.id),
      note: c.note ?? null,
    };
    this.components.push(component);
    if (c.basis === 'missing') {
      this.miss(c.id, c.label, c.missingReason ?? 'no value in the chart', c.extraKey ?? null);
      this.minExtra += c.possible?.[0] ?? 0;
      this.maxExtra += c.possible?.[1] ?? 0;
    }
    return component;
  }

  /** Lists a missing input without a component (e.g. for formula scores). */
  miss(id: string, label: string, reason: string, extraKey: string | null = null): void {
    if (!this.missing.some((m) => m.id === id)) {
      this.missing.push({ id, label, reason, extraKey });
    }
  }

  /** Sum of the known points. */
  total(): number {
    return this.components.reduce((sum, c) => sum + (c.points ?? 0), 0);
  }

  /** The [min, max] the score could take once the missing components are known. */
  range(): { min: number; max: number } {
    const t = this.total();
    return { min: t + this.minExtra, max: t + this.maxExtra };
  }

  /** Assembles a points-sum result; `interpret` sees the known total and the possible range. */
  finishSum(
    meta: ScoreMeta,
    interpret: (value: number, range: { min: number; max: number }) => Interpretation,
  ): ScoreResult {
    const value = this.total();
    const range = this.range();
    return this.finish(meta, { value, range }, interpret(value, range));
  }

  /** Assembles a result from a computed value (null when it cannot be computed). */
  finish(
    meta: ScoreMeta,
    v: { value: number | null; range: { min: number; max: number } | null; status?: ScoreResult['status'] },
    i: Interpretation,
  ): ScoreResult {
    const na = this.notApplicable;
    const status =
      na !== null
        ? 'not-applicable'
        : (v.status ?? (this.missing.length === 0 && v.value !== null ? 'complete' : 'incomplete'));
    return {
      id: meta.id,
      name: meta.name,
      version: meta.version,
      reference: meta.reference,
      evaluatedAt: this.reader.now.toISOString(),
      status,
      value: v.value,
      range: v.range,
      unit: meta.unit ?? null,
      band: na === null ? i.band : null,
      otherBands: na === null ? (i.otherBands ?? []) : [],
      interpretation: na === null ? i.interpretation : `Not applicable: ${na} (${i.interpretation})`,
      components: this.components,
      missing: this.missing,
      assumptions: this.assumptions,
      reasons: this.reasons,
      flags: this.flags,
      provenance: { facts: [...this.facts.values()], windows: this.windows },
    };
  }
}

/** A band from a scheme, id and label. */
export function band(scheme: string, id: string, label: string): ScoreBand {
  return { scheme, id, label };
}

/** Rounds half away from zero to `decimals` places, ignoring binary noise (35.05 -> 35.1). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(value) * f).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / f;
}

import type { PatientContext } from '../patient/index.js';
import { CodeIndex, findingsFromContext } from './chart/context-findings.js';
import type { DdxResult, Demographics, FindingRecognizer, FindingSource, RecognizedFinding } from './contract.js';
import { demographicFindings } from './demographic-findings.js';
import { differential } from './engine/explain.js';
import { networkFromKb } from './engine/from-kb.js';
import { infer, type EvidenceItem, type Setting } from './engine/inference.js';
import type { Network } from './engine/network.js';
import { nextBest } from './engine/next-best.js';
import { loadKnowledgeBase, type KbSources, type KnowledgeBase } from './kb/load.js';
import { RuleRecognizer } from './text/rule-recognizer.js';

/** Options of one diagnosis call. */
export interface DiagnoseOptions {
  setting?: Setting;
  /** Age and sex given by the caller; they override what the text states. */
  age?: number | null;
  sex?: 'female' | 'male' | null;
  /** Longest differential returned (default 20). */
  limit?: number;
  /** Number of next-best findings (default 10). */
  nextBest?: number;
  /** Condition ids left out of the differential (a chart's known diagnoses). */
  exclude?: readonly string[];
  /** Where age and sex came from (the Patient resource for a chart); defaults to the caller. */
  demographicsSource?: FindingSource;
  /** Findings the clinician marked present or absent (source `user`); they replace what the chart says. */
  clinicianFindings?: readonly { id: string; present: boolean }[];
}

const PAST_PREFIXES = ['history-of-', 'prior-', 'past-', 'previous-'];

/** The differential-diagnosis engine: the knowledge base compiled once, the rule recognizer, inference and next best step. */
export class DdxEngine {
  readonly kb: KnowledgeBase;
  readonly net: Network;
  readonly recognizer: RuleRecognizer;
  private readonly codes: CodeIndex;
  private readonly kinds: Map<string, string>;
  private readonly labels: Map<string, string>;
  private readonly conditionIndex: Map<string, number>;

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.net = networkFromKb(kb);
    this.recognizer = new RuleRecognizer(kb.findings);
    this.codes = new CodeIndex(kb.findings);
    this.kinds = new Map(kb.findings.map((f) => [f.id, f.kind]));
    this.labels = new Map(kb.findings.map((f) => [f.id, f.label]));
    this.conditionIndex = new Map(this.net.conditions.map((c, i) => [c.id, i]));
  }

  /** True when the knowledge base defines this finding id. */
  hasFinding(id: string): boolean {
    return this.kinds.has(id);
  }

  /** Loads and compiles knowledge-base sources into an engine. */
  static fromSources(sources: KbSources): DdxEngine {
    return new DdxEngine(loadKnowledgeBase(sources));
  }

  /** Maps a recognized finding to the KB finding that carries its meaning (family and past history included). */
  private evidenceId(f: RecognizedFinding): string | null {
    if (f.temporality === 'family') {
      const id = `family-history-${f.id}`;
      return this.kinds.has(id) ? id : null;
    }
    if (f.temporality === 'past') {
      const mapped = PAST_PREFIXES.map((p) => `${p}${f.id}`).find((id) => this.kinds.has(id));
      if (mapped) {
        return mapped;
      }
      const kind = this.kinds.get(f.id);
      return kind === 'history' || kind === 'risk-factor' || kind === 'demographic' ? f.id : null;
    }
    return this.kinds.has(f.id) ? f.id : null;
  }

  /** Runs inference on findings already recognized (from text, the chart or a user). */
  diagnoseFindings(
    findings: readonly RecognizedFinding[],
    demographics: Demographics,
    options: DiagnoseOptions = {},
  ): DdxResult {
    const byId = new Map<string, RecognizedFinding>();
    const demo = { age: options.age ?? demographics.age, sex: options.sex ?? demographics.sex };
    for (const f of findings) {
      if (this.kinds.get(f.id) === 'demographic') {
        continue;
      }
      const id = this.evidenceId(f);
      if (id === null) {
        continue;
      }
      const prior = byId.get(id);
      if (!prior || (!prior.present && f.present)) {
        byId.set(id, { ...f, id, label: this.net.findings[this.net.findingIndex.get(id) ?? -1]?.label ?? f.label });
      }
    }
    for (const { finding, present } of demographicFindings(this.kb.findings, demo)) {
      byId.set(finding.id, {
        id: finding.id,
        label: finding.label,
        present,
        source: options.demographicsSource ?? { kind: 'user' },
        temporality: 'current',
      });
    }
    // A present specific finding outranks a stated absence of its general finding (see expandEvidence).
    for (const f of [...byId.values()]) {
      const index = this.net.findingIndex.get(f.id);
      for (const g of f.present && index !== undefined ? (this.net.findings[index]?.implies ?? []) : []) {
        const general = this.net.findings[g]?.id ?? '';
        if (byId.get(general)?.present === false) {
          byId.delete(general);
        }
      }
    }
    const evidence: EvidenceItem[] = [];
    for (const f of byId.values()) {
      const index = this.net.findingIndex.get(f.id);
      if (index !== undefined) {
        evidence.push({ finding: index, present: f.present });
      }
    }
    const input = {
      evidence,
      age: demo.age,
      sex: demo.sex,
      setting: options.setting ?? 'general',
      excluded: new Set(
        (options.exclude ?? []).map((id) => this.conditionIndex.get(id)).filter((i): i is number => i !== undefined),
      ),
    };
    const posterior = infer(this.net, input);
    const next = nextBest(this.net, posterior, { limit: options.nextBest ?? 10 });
    return {
      findings: [...byId.values()].map((f) => ({ id: f.id, label: f.label, present: f.present, source: f.source })),
      differential: differential(this.net, posterior, { ...input, limit: options.limit ?? 20, minProbability: 0.001 }),
      nextBest: next.map((n) => {
        const f = this.net.findings[n.finding];
        return {
          finding: f?.id ?? '',
          label: f?.label ?? '',
          expectedInformationGain: Math.round(n.gain * 10000) / 10000,
          kind: f?.kind ?? 'symptom',
        };
      }),
      knowledgeVersion: this.kb.version,
    };
  }

  /** Reads free text with the rule recognizer, then diagnoses. */
  diagnoseText(text: string, options: DiagnoseOptions = {}): DdxResult {
    const recognized = this.recognizer.recognizeSync(text);
    const span = recognized.demographicsSpan;
    const fromText = span && options.age === undefined && options.sex === undefined;
    return this.diagnoseFindings(recognized.findings, recognized.demographics, {
      ...(fromText ? { demographicsSource: { kind: 'text', ...span } } : {}),
      ...options,
    });
  }

  /** Reads free text with another recognizer (a trained encoder or the LLM extraction task), then diagnoses. */
  async diagnoseTextWith(
    recognizer: FindingRecognizer,
    text: string,
    options: DiagnoseOptions = {},
  ): Promise<DdxResult> {
    const recognized = await recognizer.recognize(text);
    return this.diagnoseFindings(recognized.findings, recognized.demographics, options);
  }

  /** Reads the patient's chart (coded data, values, medications, recent notes), then diagnoses. */
  diagnoseContext(ctx: PatientContext, options: DiagnoseOptions = {}): DdxResult {
    const read = findingsFromContext(ctx, {
      codes: this.codes,
      readText: (text) => this.recognizer.recognizeSync(text).findings,
    });
    const demographicsSource: FindingSource = {
      kind: 'fact',
      fact: `Patient/${ctx.patient.id}`,
      resource: ctx.patient.source,
    };
    const overrides = options.clinicianFindings ?? [];
    const overridden = new Set(overrides.map((f) => f.id));
    const findings: RecognizedFinding[] = [
      ...read.findings.filter((f) => !overridden.has(f.id)),
      ...overrides.map((f) => ({
        id: f.id,
        label: this.labels.get(f.id) ?? f.id,
        present: f.present,
        source: { kind: 'user' as const },
        temporality: 'current' as const,
      })),
    ];
    return this.diagnoseFindings(findings, read.demographics, { demographicsSource, ...options });
  }
}

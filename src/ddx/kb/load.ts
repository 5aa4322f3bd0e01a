import { createHash } from 'node:crypto';
import {
  ConditionDefSchema,
  FindingDefSchema,
  type ConditionDef,
  type ConditionDefInput,
  type FindingDef,
  type FindingDefInput,
  type Link,
} from './schema.js';

/** The semantic version of the knowledge-base format and content; bump minor on content, major on format changes. */
export const KB_SEMVER = '1.0.0';

/** A condition–finding link in object form. */
export interface NormalizedLink {
  finding: string;
  frequency: 1 | 2 | 3 | 4 | 5;
  evoking: 0 | 1 | 2 | 3 | 4 | 5;
  absentRulesOut: boolean;
}

/** A condition with its links normalized to objects. */
export type CompiledCondition = Omit<ConditionDef, 'findings'> & { findings: NormalizedLink[] };

/** One problem found while loading (the integrity test requires none; at run time the offending item is skipped). */
export interface KbIssue {
  where: string;
  message: string;
}

/** The loaded knowledge base: merged findings, compiled conditions, version and counts. */
export interface KnowledgeBase {
  findings: FindingDef[];
  conditions: CompiledCondition[];
  /** `semver+hash`, the hash being the first 12 hex digits of the SHA-256 of the merged content. */
  version: string;
  issues: KbIssue[];
  counts: { conditions: number; findings: number; links: number };
}

/** The raw data files, as listed in `data/index.ts` (or a test fixture). */
export interface KbSources {
  findingFiles: readonly (readonly FindingDefInput[])[];
  conditionFiles: readonly (readonly ConditionDefInput[])[];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function mergeFinding(into: FindingDef, next: FindingDef, issues: KbIssue[]): FindingDef {
  if (into.kind !== next.kind) {
    issues.push({ where: `finding ${next.id}`, message: `kind ${next.kind} disagrees with ${into.kind}` });
  }
  if (JSON.stringify(into.predicate ?? null) !== JSON.stringify(next.predicate ?? null)) {
    if (into.predicate && next.predicate) {
      issues.push({ where: `finding ${next.id}`, message: 'value predicates disagree' });
    }
  }
  const merged: FindingDef = {
    ...into,
    synonyms: union(into.synonyms, next.synonyms),
    snomed: union(into.snomed, next.snomed),
    icd10: union(into.icd10, next.icd10),
    loinc: union(into.loinc, next.loinc),
    implies: union(into.implies, next.implies),
  };
  const predicate = into.predicate ?? next.predicate;
  if (predicate) {
    merged.predicate = predicate;
  }
  if (into.duration && next.duration && JSON.stringify(into.duration) !== JSON.stringify(next.duration)) {
    issues.push({ where: `finding ${next.id}`, message: 'duration predicates disagree' });
  }
  const duration = into.duration ?? next.duration;
  if (duration) {
    merged.duration = duration;
  }
  return merged;
}

function zodIssues(where: string, error: { issues: { path: PropertyKey[]; message: string }[] }): KbIssue[] {
  return error.issues.map((i) => ({ where, message: `${i.path.map(String).join('.')}: ${i.message}` }));
}

function normalizeLink(link: Link): NormalizedLink {
  if (Array.isArray(link)) {
    return { finding: link[0], frequency: link[1], evoking: link[2], absentRulesOut: false };
  }
  return {
    finding: link.finding,
    frequency: link.frequency,
    evoking: link.evoking,
    absentRulesOut: link.absentRulesOut ?? false,
  };
}

function mergeFindings(sources: KbSources, issues: KbIssue[]): Map<string, FindingDef> {
  const byId = new Map<string, FindingDef>();
  sources.findingFiles.forEach((file, fileIndex) => {
    file.forEach((raw, i) => {
      const parsed = FindingDefSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...zodIssues(`finding file ${fileIndex} #${i} (${raw.id})`, parsed.error));
        return;
      }
      const prior = byId.get(parsed.data.id);
      byId.set(parsed.data.id, prior ? mergeFinding(prior, parsed.data, issues) : parsed.data);
    });
  });
  return byId;
}

function compileCondition(def: ConditionDef, findings: Map<string, FindingDef>, issues: KbIssue[]): CompiledCondition {
  const seen = new Set<string>();
  const links: NormalizedLink[] = [];
  for (const link of def.findings.map(normalizeLink)) {
    if (!findings.has(link.finding)) {
      issues.push({ where: `condition ${def.id}`, message: `unknown finding ${link.finding}` });
      continue;
    }
    if (seen.has(link.finding)) {
      issues.push({ where: `condition ${def.id}`, message: `finding ${link.finding} linked twice` });
      continue;
    }
    seen.add(link.finding);
    links.push(link);
  }
  const tests = def.tests.filter((t) => {
    const ok = findings.has(t);
    if (!ok) {
      issues.push({ where: `condition ${def.id}`, message: `unknown test finding ${t}` });
    }
    return ok;
  });
  return { ...def, findings: links, tests };
}

function checkImplies(findings: Map<string, FindingDef>, issues: KbIssue[]): void {
  for (const f of findings.values()) {
    const ok = f.implies.filter((g) => findings.has(g) && g !== f.id);
    if (ok.length !== f.implies.length) {
      const bad = f.implies.filter((g) => !ok.includes(g)).join(', ');
      issues.push({ where: `finding ${f.id}`, message: `implies an unknown finding or itself: ${bad}` });
      f.implies = ok;
    }
  }
}

/** Loads, validates and merges the knowledge-base files; problems are reported in `issues`, never thrown. */
export function loadKnowledgeBase(sources: KbSources): KnowledgeBase {
  const issues: KbIssue[] = [];
  const findings = mergeFindings(sources, issues);
  checkImplies(findings, issues);
  const conditions: CompiledCondition[] = [];
  const conditionIds = new Set<string>();
  sources.conditionFiles.forEach((file, fileIndex) => {
    file.forEach((raw, i) => {
      const parsed = ConditionDefSchema.safeParse(raw);
      if (!parsed.success) {
        issues.push(...zodIssues(`condition file ${fileIndex} #${i} (${raw.id})`, parsed.error));
        return;
      }
      if (conditionIds.has(parsed.data.id)) {
        issues.push({ where: `condition ${parsed.data.id}`, message: 'defined twice' });
        return;
      }
      conditionIds.add(parsed.data.id);
      conditions.push(compileCondition(parsed.data, findings, issues));
    });
  });
  const findingList = [...findings.values()].sort((a, b) => a.id.localeCompare(b.id));
  conditions.sort((a, b) => a.id.localeCompare(b.id));
  const hash = createHash('sha256').update(JSON.stringify(sources)).digest('hex').slice(0, 12);
  const links = conditions.reduce((n, c) => n + c.findings.length, 0);
  return {
    findings: findingList,
    conditions,
    version: `${KB_SEMVER}+${hash}`,
    issues,
    counts: { conditions: conditions.length, findings: findingList.length, links },
  };
}

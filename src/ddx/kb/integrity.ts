import { loincCheckDigitOk, snomedCheckDigitOk, snomedPartition } from './checks.js';
import type { KbIssue, KnowledgeBase } from './load.js';
import { FREQUENCY_PROBABILITY } from './schema.js';

function checkCodes(kb: KnowledgeBase, issues: KbIssue[]): void {
  for (const f of kb.findings) {
    for (const code of f.loinc) {
      if (!loincCheckDigitOk(code)) {
        issues.push({ where: `finding ${f.id}`, message: `LOINC ${code} has a wrong check digit` });
      }
    }
    for (const code of f.snomed) {
      if (!snomedCheckDigitOk(code) || snomedPartition(code) !== '00') {
        issues.push({
          where: `finding ${f.id}`,
          message: `SNOMED CT ${code} is not a valid concept id (Verhoeff/partition)`,
        });
      }
    }
    if ((f.kind === 'lab' || f.kind === 'vital') && f.predicate && f.loinc.length === 0) {
      issues.push({ where: `finding ${f.id}`, message: 'a value predicate needs at least one LOINC code' });
    }
    if (f.predicate?.op === 'between' && !(f.predicate.low < f.predicate.high)) {
      issues.push({ where: `finding ${f.id}`, message: 'between: low must be below high' });
    }
  }
  for (const c of kb.conditions) {
    if (!snomedCheckDigitOk(c.snomed) || snomedPartition(c.snomed) !== '00') {
      issues.push({
        where: `condition ${c.id}`,
        message: `SNOMED CT ${c.snomed} is not a valid concept id (Verhoeff/partition)`,
      });
    }
  }
}

function checkOrphans(kb: KnowledgeBase, issues: KbIssue[]): void {
  const used = new Set<string>();
  for (const c of kb.conditions) {
    c.findings.forEach((l) => used.add(l.finding));
    c.tests.forEach((t) => used.add(t));
  }
  const byId = new Map(kb.findings.map((f) => [f.id, f]));
  const stack = [...used];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    for (const g of byId.get(id)?.implies ?? []) {
      if (!used.has(g)) {
        used.add(g);
        stack.push(g);
      }
    }
  }
  for (const f of kb.findings) {
    if (!used.has(f.id)) {
      issues.push({ where: `finding ${f.id}`, message: 'orphan: no condition links or tests it' });
    }
  }
}

function checkProbabilities(kb: KnowledgeBase, issues: KbIssue[]): void {
  for (const p of Object.values(FREQUENCY_PROBABILITY)) {
    if (!(p > 0 && p < 1)) {
      issues.push({ where: 'FREQUENCY_PROBABILITY', message: `${p} is not in (0, 1)` });
    }
  }
  for (const c of kb.conditions) {
    for (const band of c.age) {
      if (!(band.min < band.max) || band.factor < 0 || band.factor > 100) {
        issues.push({
          where: `condition ${c.id}`,
          message: `age band ${band.min}-${band.max} x${band.factor} is out of range`,
        });
      }
    }
    if (c.findings.length < 3) {
      issues.push({ where: `condition ${c.id}`, message: 'fewer than 3 valid findings' });
    }
  }
}

/** Every integrity problem of a loaded knowledge base: loader issues, code check digits, orphans, probability ranges. */
export function checkIntegrity(kb: KnowledgeBase): KbIssue[] {
  const issues = [...kb.issues];
  checkCodes(kb, issues);
  checkOrphans(kb, issues);
  checkProbabilities(kb, issues);
  return issues;
}

/** The can't-miss diagnoses the issue requires, as ICD-10-CM categories any of which must be covered. */
export const REQUIRED_CANT_MISS: Record<string, string[]> = {
  'MI/ACS': ['I21', 'I24'],
  'pulmonary embolism': ['I26'],
  'aortic dissection': ['I71'],
  sepsis: ['A41', 'R65'],
  meningitis: ['G00', 'G03', 'A39', 'A87'],
  'subarachnoid haemorrhage': ['I60'],
  'ectopic pregnancy': ['O00'],
  'testicular torsion': ['N44'],
  DKA: ['E10', 'E11', 'E13'],
  'GI bleed': ['K92', 'K25', 'K26', 'K27', 'K62'],
  'stroke/TIA': ['I63', 'I61', 'G45'],
};

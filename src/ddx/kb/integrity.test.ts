import { describe, expect, it } from 'vitest';
import { CONDITION_FILES, FINDING_FILES } from './data/index.js';
import { loincCheckDigitOk, snomedCheckDigitOk } from './checks.js';
import { checkIntegrity } from './integrity.js';
import { loadKnowledgeBase } from './load.js';
import { TINY_CONDITIONS, TINY_FINDINGS, TINY_SOURCES } from './test-fixtures/tiny-kb.js';

describe('code check digits', () => {
  it('validates LOINC mod-10 check digits', () => {
    expect(['8867-4', '8310-5', '2345-7', '59408-5', '10839-9'].every(loincCheckDigitOk)).toBe(true);
    expect(['8867-5', '8310-4', '2345', 'ABC-1'].some(loincCheckDigitOk)).toBe(false);
  });

  it('validates SNOMED CT Verhoeff check digits', () => {
    expect(['138875005', '22298006', '386661006', '59282003', '404684003'].every(snomedCheckDigitOk)).toBe(true);
    expect(['22298007', '138875006', '12345'].some(snomedCheckDigitOk)).toBe(false);
  });
});

describe('knowledge-base loader', () => {
  it('merges findings by id (union of synonyms and codes) and reports disagreeing kinds', () => {
    const kb = loadKnowledgeBase({
      findingFiles: [
        [{ id: 'fever', label: 'Fever', kind: 'sign', synonyms: ['pyrexia'], snomed: ['386661006'] }],
        [{ id: 'fever', label: 'Fever', kind: 'sign', synonyms: ['febrile'], icd10: ['R50.9'] }],
        [{ id: 'fever', label: 'Fever', kind: 'symptom' }],
      ],
      conditionFiles: [],
    });
    expect(kb.findings).toHaveLength(1);
    expect(kb.findings[0]).toMatchObject({ synonyms: ['pyrexia', 'febrile'], snomed: ['386661006'], icd10: ['R50.9'] });
    expect(kb.issues.map((i) => i.message)).toEqual(['kind symptom disagrees with sign']);
  });

  it('reports unknown findings and skips the link, and versions the content', () => {
    const broken = structuredClone(TINY_CONDITIONS);
    broken[0]?.findings.push(['no-such-finding', 3, 1]);
    const kb = loadKnowledgeBase({ findingFiles: [TINY_FINDINGS], conditionFiles: [broken] });
    expect(kb.issues).toEqual([{ where: 'condition pulmonary-embolism', message: 'unknown finding no-such-finding' }]);
    const clean = loadKnowledgeBase(TINY_SOURCES);
    expect(clean.version).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(clean.version).not.toBe(kb.version);
  });

  it('finds orphan findings and bad codes', () => {
    const kb = loadKnowledgeBase({
      findingFiles: [
        TINY_FINDINGS,
        [{ id: 'lonely', label: 'Lonely', kind: 'sign', snomed: ['22298007'], loinc: ['8867-5'] }],
      ],
      conditionFiles: [TINY_CONDITIONS],
    });
    expect(checkIntegrity(kb).map((i) => `${i.where}: ${i.message}`)).toEqual([
      'finding lonely: LOINC 8867-5 has a wrong check digit',
      'finding lonely: SNOMED CT 22298007 is not a valid concept id (Verhoeff/partition)',
      'finding lonely: orphan: no condition links or tests it',
    ]);
  });

  it('passes on the test fixture', () => {
    expect(checkIntegrity(loadKnowledgeBase(TINY_SOURCES))).toEqual([]);
  });
});

describe("Vitalis's knowledge base (src/ddx/kb/data)", () => {
  it('is well formed: zod schema, codes, referenced findings exist, no orphans, probabilities in range', () => {
    const kb = loadKnowledgeBase({ findingFiles: FINDING_FILES, conditionFiles: CONDITION_FILES });
    const issues = checkIntegrity(kb).map((i) => `${i.where}: ${i.message}`);
    expect(issues).toEqual([]);
  });
});

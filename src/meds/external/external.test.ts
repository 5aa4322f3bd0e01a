import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKnowledge, VITALIS_SOURCE } from '../kb.js';
import { defaultMedsDataDir } from '../bench/shared-data.js';
import { medsDataMissing } from '../test-support/demo.js';
import { ansmTier, loadAnsmThesaurus } from './ansm.js';
import { parseCsv, parseInteractionCsv } from './csv.js';
import { loadExternalKnowledge } from './index.js';

const tmp = mkdtempSync(join(tmpdir(), 'vitalis-meds-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('generic interaction CSV', () => {
  const header = 'rule_id,drug_a,drug_b,severity,effect,management,reference\n';
  it('parses quoted fields, RxCUIs and classes, and maps severities', () => {
    const src = parseInteractionCsv(
      `${header}x1,6809,"class:loop-diuretic;4603",major,"Effect, with comma",Monitor,Site formulary 2025\nx2,161,1191,minor,E,,Ref\n`,
      'site',
    );
    expect(src.rules).toHaveLength(2);
    expect(src.rules[0]?.tier).toBe('interruptive');
    expect(src.rules[0]?.b.classes).toEqual(['loop-diuretic']);
    expect(src.rules[0]?.effect).toBe('Effect, with comma');
    expect(src.rules[1]?.tier).toBe('informational');
    const kb = buildKnowledge([VITALIS_SOURCE, src]);
    expect(kb.match('6809', '1808').map((m) => m.compiled.rule.id)).toContain('site-x1');
  });
  it('rejects a wrong header, an unknown class and an unknown severity with the line number', () => {
    expect(() => parseInteractionCsv('a,b\n1,2\n')).toThrow(/header/);
    expect(() => parseInteractionCsv(`${header}x,class:nope,1191,major,E,M,R\n`)).toThrow(/line 2/);
    expect(() => parseInteractionCsv(`${header}x,161,1191,severe,E,M,R\n`)).toThrow(/severity/);
  });
  it('handles CRLF and doubled quotes', () => {
    expect(parseCsv('a,"b ""q"""\r\nc,d\r\n')).toEqual([
      ['a', 'b "q"'],
      ['c', 'd'],
    ]);
  });
  it('loads a file by path and fails clearly on a missing path', () => {
    const path = join(tmp, 'site.csv');
    writeFileSync(path, `${header}x1,6809,4603,interruptive,E,M,R\n`);
    expect(loadExternalKnowledge(path).rules).toHaveLength(1);
    expect(() => loadExternalKnowledge(join(tmp, 'nope.csv'))).toThrow(/not found/);
  });
});

describe('ANSM thesaurus loader', () => {
  it('maps the four ANSM levels to our tiers', () => {
    expect(ansmTier('CONTRE-INDICATION')).toBe('hard-stop');
    expect(ansmTier('Association DECONSEILLEE')).toBe('interruptive');
    expect(ansmTier("Précaution d'emploi")).toBe('informational');
    expect(ansmTier('A prendre en compte')).toBe('informational');
  });
  it('expands classes through the substance index and maps substances to RxCUIs (format fixture)', () => {
    const dir = join(tmp, 'ansm');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'thesaurus-test.json'),
      JSON.stringify([
        {
          main_drug: 'WARFARINE',
          plus_drug: 'ANTI-INFLAMMATOIRES',
          severity_levels: [{ level: 'Association DECONSEILLEE', info: '' }],
          interaction_mechanism: 'Saignement.',
        },
        {
          main_drug: 'LITHIUM',
          plus_drug: 'ANTI-INFLAMMATOIRES',
          severity_levels: [
            { level: 'CONTRE-INDICATION', info: 'à forte dose' },
            { level: "Précaution d'emploi", info: 'sinon' },
          ],
          interaction_mechanism: 'Toxicité.',
        },
      ]),
    );
    writeFileSync(
      join(dir, 'index-substances-test.json'),
      JSON.stringify([
        { substance: 'ibuprofène', drug_classes: ['anti-inflammatoires'] },
        { substance: 'naproxène', drug_classes: ['anti-inflammatoires'] },
      ]),
    );
    writeFileSync(
      join(dir, 'rxnorm_mappings.tsv'),
      'substance\tRxNorm\nwarfarine\t11289\nibuprofène\t5640\nnaproxène\tNA\nlithium\t6448\n',
    );
    const src = loadAnsmThesaurus(dir);
    expect(src.rules).toHaveLength(2);
    expect(src.rules[0]?.tier).toBe('interruptive');
    expect(src.rules[0]?.b.ingredients?.sort()).toEqual(['5640', '7258']);
    // Conditional levels: informational, with the conditions quoted; "lithium" also reaches our ingredient RxCUI.
    expect(src.rules[1]?.tier).toBe('informational');
    expect(src.rules[1]?.management).toMatch(/forte dose/);
    expect(src.rules[1]?.a.ingredients).toEqual(expect.arrayContaining(['6448', '42351']));
  });
});

const dataDir = defaultMedsDataDir();
const missing = medsDataMissing(dataDir);

describe.skipIf(missing !== null)('ANSM thesaurus (real file, evaluation data)', () => {
  it('loads thousands of graded rules that reach the engine', () => {
    const src = loadExternalKnowledge(join(dataDir, 'ansm-thesaurus'));
    expect(src.rules.length).toBeGreaterThan(2000);
    const kb = buildKnowledge([VITALIS_SOURCE, src]);
    expect(kb.match('11289', '5640').some((m) => m.compiled.rule.origin === 'external')).toBe(true);
  });
});

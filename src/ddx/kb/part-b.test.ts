import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONDITION_FILES, FINDING_FILES } from './data/index.js';
import { ConditionDefSchema, FindingDefSchema, type ConditionDef, type FindingDef } from './schema.js';

const dataDir = fileURLToPath(new URL('./data/', import.meta.url));
const partB = readdirSync(dataDir).filter((f) => /^b-.*\.ts$/.test(f) && !f.endsWith('.test.ts'));

async function loadPartB(): Promise<{ findings: FindingDef[]; conditions: ConditionDef[] }> {
  const findings: FindingDef[] = [];
  const conditions: ConditionDef[] = [];
  for (const file of partB) {
    const mod = (await import(`./data/${file.replace(/\.ts$/, '.js')}`)) as { findings?: unknown[]; conditions?: unknown[] };
    findings.push(...(mod.findings ?? []).map((f) => FindingDefSchema.parse(f)));
    conditions.push(...(mod.conditions ?? []).map((c) => ConditionDefSchema.parse(c)));
  }
  return { findings, conditions };
}

// Part B of the knowledge base: neurology, psychiatry, MSK, dermatology, ENT, eye, obstetrics/gynaecology, paediatrics,
// allergy and geriatrics.
describe('knowledge base part B', () => {
  it('registers every part B data file in data/index.ts', async () => {
    const { findings, conditions } = await loadPartB();
    const registeredFindings = new Set(FINDING_FILES.flat().map((f) => f.id));
    const registeredConditions = new Set(CONDITION_FILES.flat().map((c) => c.id));
    expect(findings.filter((f) => !registeredFindings.has(f.id)).map((f) => f.id)).toEqual([]);
    expect(conditions.filter((c) => !registeredConditions.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('is self-contained: every finding a part B condition links or tests is defined in a part B file', async () => {
    const { findings, conditions } = await loadPartB();
    const defined = new Set(findings.map((f) => f.id));
    const used = conditions.flatMap((c) => [...c.findings.map((l) => (Array.isArray(l) ? l[0] : l.finding)), ...c.tests]);
    expect([...new Set(used.filter((id) => !defined.has(id)))]).toEqual([]);
  });

  it("flags the can't-miss diagnoses of its domains", async () => {
    const { conditions } = await loadPartB();
    const cantMiss = new Set(conditions.filter((c) => c.cantMiss).map((c) => c.id));
    const required = [
      'bacterial-meningitis', 'subarachnoid-hemorrhage', 'ischemic-stroke', 'transient-ischemic-attack', 'ectopic-pregnancy',
      'ovarian-torsion', 'epiglottitis', 'cauda-equina-syndrome', 'giant-cell-arteritis', 'anaphylaxis', 'eclampsia',
      'pre-eclampsia', 'placental-abruption', 'acute-angle-closure-glaucoma', 'retinal-detachment', 'orbital-cellulitis',
      'peritonsillar-abscess', 'septic-arthritis', 'intussusception', 'kawasaki-disease', 'necrotizing-fasciitis',
    ];
    expect(required.filter((id) => !cantMiss.has(id))).toEqual([]);
  });

  it('gives every condition a reference, both priors and enough links to discriminate', async () => {
    const { conditions } = await loadPartB();
    expect(conditions.length).toBeGreaterThanOrEqual(200);
    const thin = conditions.filter((c) => c.findings.length < 6).map((c) => c.id);
    expect(thin).toEqual([]);
    expect(conditions.every((c) => c.reference.length > 10 && c.prior.primaryCare > 0 && c.prior.ed > 0)).toBe(true);
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { parseCsv } from './csv.js';

/**
 * The DDXPlus knowledge base (release_conditions.json, release_evidences.json) and patients, read into plain
 * structures. It stays a separate benchmark knowledge base: nothing here is mixed into Vitalis's own KB.
 */

const EvidenceSchema = z
  .object({
    name: z.string(),
    question_en: z.string(),
    is_antecedent: z.boolean(),
    data_type: z.enum(['B', 'C', 'M']),
    default_value: z.union([z.string(), z.number()]),
    'possible-values': z.array(z.union([z.string(), z.number()])),
    value_meaning: z.record(z.string(), z.object({ en: z.string() }).loose()),
  })
  .loose();
const ConditionSchema = z
  .object({
    condition_name: z.string(),
    'icd10-id': z.string(),
    symptoms: z.record(z.string(), z.unknown()),
    antecedents: z.record(z.string(), z.unknown()),
    severity: z.number(),
  })
  .loose();

export interface DdxplusEvidence {
  name: string;
  question: string;
  type: 'B' | 'C' | 'M';
  antecedent: boolean;
  defaultValue: string;
  values: string[];
  meanings: Record<string, string>;
}

export interface DdxplusCondition {
  name: string;
  icd10: string;
  severity: number;
  evidences: string[];
}

export interface DdxplusPatient {
  row: string;
  age: number;
  sex: 'F' | 'M';
  pathology: string;
  /** Evidence tokens: `E_nn` or `E_nn_@_value`. */
  evidences: string[];
  initial: string;
  differential: [string, number][];
}

export interface DdxplusData {
  evidences: Map<string, DdxplusEvidence>;
  conditions: DdxplusCondition[];
  patients: DdxplusPatient[];
}

function parseDifferential(text: string): [string, number][] {
  const out: [string, number][] = [];
  const re = /\[\s*['"](.+?)['"]\s*,\s*([0-9.eE-]+)\s*\]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push([m[1] ?? '', Number(m[2])]);
  }
  return out;
}

function parseList(text: string): string[] {
  return [...text.matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
}

/** Reads the DDXPlus English KB and the 588-patient stratified validation sample from a folder. */
export async function readDdxplus(dir: string): Promise<DdxplusData> {
  let rawEvidences: unknown;
  let rawConditions: unknown;
  let csv: string;
  try {
    rawEvidences = JSON.parse(await readFile(join(dir, 'release_evidences.json'), 'utf8'));
    rawConditions = JSON.parse(await readFile(join(dir, 'release_conditions.json'), 'utf8'));
    csv = await readFile(join(dir, 'release_validate_patients_stratified588_en.csv'), 'utf8');
  } catch (err) {
    throw new AppError('VITALIS_NOT_FOUND', `DDXPlus files not found in ${dir}`, { cause: err });
  }
  const evidences = new Map<string, DdxplusEvidence>();
  for (const raw of Object.values(z.record(z.string(), EvidenceSchema).parse(rawEvidences))) {
    evidences.set(raw.name, {
      name: raw.name,
      question: raw.question_en,
      type: raw.data_type,
      antecedent: raw.is_antecedent,
      defaultValue: String(raw.default_value),
      values: raw['possible-values'].map(String),
      meanings: Object.fromEntries(Object.entries(raw.value_meaning).map(([k, v]) => [k, v.en])),
    });
  }
  const conditions = Object.values(z.record(z.string(), ConditionSchema).parse(rawConditions)).map((c) => ({
    name: c.condition_name,
    icd10: c['icd10-id'],
    severity: c.severity,
    evidences: [...Object.keys(c.symptoms), ...Object.keys(c.antecedents)],
  }));
  const rows = parseCsv(csv);
  const header = rows[0] ?? [];
  const col = (name: string): number => header.indexOf(name);
  const patients = rows
    .slice(1)
    .filter((r) => r.length === header.length)
    .map((r) => ({
      row: r[col('VALIDATE_ROW_INDEX')] ?? '',
      age: Number(r[col('AGE')]),
      sex: r[col('SEX')] === 'F' ? ('F' as const) : ('M' as const),
      pathology: r[col('PATHOLOGY')] ?? '',
      evidences: parseList(r[col('EVIDENCES')] ?? ''),
      initial: r[col('INITIAL_EVIDENCE')] ?? '',
      differential: parseDifferential(r[col('DIFFERENTIAL_DIAGNOSIS')] ?? ''),
    }));
  return { evidences, conditions, patients };
}

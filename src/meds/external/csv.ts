import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { KnowledgeSource } from '../kb.js';
import { AnyClassSchema, type DdiRule, type Selector, type Tier } from '../knowledge/schema.js';

// The generic CSV interaction format (documented in src/meds/README.md):
//   rule_id,drug_a,drug_b,severity,effect,management,reference
// drug_a / drug_b: RxNorm ingredient RxCUIs and/or `class:<vitalis class>` separated by ';'.
// severity: hard-stop | interruptive | informational (also contraindicated | major | moderate | minor).

const HEADER = ['rule_id', 'drug_a', 'drug_b', 'severity', 'effect', 'management', 'reference'] as const;

const SEVERITY: Record<string, Tier> = {
  'hard-stop': 'hard-stop',
  contraindicated: 'hard-stop',
  interruptive: 'interruptive',
  major: 'interruptive',
  informational: 'informational',
  moderate: 'informational',
  minor: 'informational',
};

/** Splits CSV text into rows (RFC 4180 quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function selector(cell: string, line: number): Selector {
  const ingredients: string[] = [];
  const classes: Selector['classes'] = [];
  for (const token of cell
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '')) {
    if (/^\d+$/.test(token)) {
      ingredients.push(token);
      continue;
    }
    const parsed = AnyClassSchema.safeParse(token.replace(/^class:/, ''));
    if (!token.startsWith('class:') || !parsed.success) {
      throw new AppError(
        'VITALIS_BAD_REQUEST',
        `Interaction CSV line ${String(line)}: "${token}" is neither an RxCUI nor class:<known class>`,
      );
    }
    classes.push(parsed.data);
  }
  if (ingredients.length + classes.length === 0) {
    throw new AppError('VITALIS_BAD_REQUEST', `Interaction CSV line ${String(line)}: empty drug list`);
  }
  return { label: cell, ...(ingredients.length ? { ingredients } : {}), ...(classes.length ? { classes } : {}) };
}

const RowSchema = z.tuple([
  z.string().min(1),
  z.string(),
  z.string(),
  z.string(),
  z.string().min(1),
  z.string(),
  z.string().min(1),
]);

/** Parses interaction rules in the generic CSV format. */
export function parseInteractionCsv(text: string, name = 'csv'): KnowledgeSource {
  const [header, ...rows] = parseCsv(text);
  if (!header || HEADER.some((h, i) => header[i]?.trim().toLowerCase() !== h)) {
    throw new AppError('VITALIS_BAD_REQUEST', `Interaction CSV must start with the header ${HEADER.join(',')}`);
  }
  const rules: DdiRule[] = rows.map((raw, i) => {
    const line = i + 2;
    const parsed = RowSchema.safeParse(raw.slice(0, 7).map((f) => f.trim()));
    if (!parsed.success) {
      throw new AppError(
        'VITALIS_BAD_REQUEST',
        `Interaction CSV line ${String(line)}: needs 7 fields (rule_id, effect and reference not empty)`,
      );
    }
    const [id, a, b, severity, effect, management, reference] = parsed.data;
    const tier = SEVERITY[severity.toLowerCase()];
    if (!tier) {
      throw new AppError('VITALIS_BAD_REQUEST', `Interaction CSV line ${String(line)}: unknown severity "${severity}"`);
    }
    return {
      id: `${name}-${id}`.toLowerCase().replace(/[^a-z0-9.-]+/g, '-'),
      origin: 'external',
      a: selector(a, line),
      b: selector(b, line),
      tier,
      effect,
      management: management || 'See reference.',
      reference,
    };
  });
  return { name, version: `${name}-${String(rules.length)}-rules`, rules };
}

/** Reads an interaction CSV file. */
export function loadInteractionCsv(path: string): KnowledgeSource {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('VITALIS_CONFIG', `Cannot read the interaction CSV ${path}`, { cause: err });
  }
  return parseInteractionCsv(text, 'csv');
}

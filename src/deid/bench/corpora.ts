import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { BenchCategory, BenchDoc, GoldSpan } from './metrics.js';

const ASQ_MAP: Record<string, BenchCategory> = {
  NAME: 'NAME',
  GEOGRAPHIC_LOCATION: 'LOCATION',
  DATE: 'DATE',
  MEDICAL_RECORD_NUMBER: 'MRN',
  HEALTH_PLAN_BENEFICIARY_NUMBER: 'ID',
  PHONE_NUMBER: 'PHONE',
  FAX_NUMBER: 'PHONE',
  SOCIAL_SECURITY_NUMBER: 'SSN',
  EMAIL_ADDRESS: 'EMAIL',
  UNIQUE_IDENTIFIER: 'ID',
  ACCOUNT_NUMBER: 'ID',
  CERTIFICATE_LICENSE_NUMBER: 'ID',
  IP_ADDRESS: 'URL_IP',
};

const AsqRow = z.object({
  id: z.number(),
  text: z.string(),
  hard_negative: z.boolean(),
  spans: z.array(z.object({ start: z.number(), end: z.number(), type: z.string() })),
});

function readOrFail(path: string): string {
  if (!existsSync(path)) {
    throw new AppError('VITALIS_NOT_FOUND', `Benchmark corpus not found: ${path}`);
  }
  return readFileSync(path, 'utf8');
}

/** ASQ-PHI development sample (clinical queries to an LLM, with hard negatives). */
export function loadAsqPhi(dataDir: string): BenchDoc[] {
  const path = join(dataDir, 'deid', 'asq-phi', 'asq_phi.dev.spans.jsonl');
  return readOrFail(path)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const row = AsqRow.parse(JSON.parse(line));
      return {
        id: `asq-${row.id}`,
        text: row.text,
        hardNegative: row.hard_negative,
        gold: row.spans.map((s) => ({ start: s.start, end: s.end, category: ASQ_MAP[s.type] ?? 'OTHER' })),
      };
    });
}

const PRESIDIO_MAP: Record<string, BenchCategory | null> = {
  PERSON: 'NAME',
  STREET_ADDRESS: 'LOCATION',
  GPE: 'LOCATION',
  ORGANIZATION: 'LOCATION',
  CREDIT_CARD: 'ID',
  DATE_TIME: 'DATE',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  ZIP_CODE: 'LOCATION',
  DOMAIN_NAME: 'URL_IP',
  IBAN_CODE: 'ID',
  US_SSN: 'SSN',
  IP_ADDRESS: 'URL_IP',
  US_DRIVER_LICENSE: 'ID',
  // Not PHI under Safe Harbor: job titles, nationalities/religions, ages under 90.
  TITLE: null,
  NRP: null,
  AGE: null,
};

const PresidioRow = z.object({
  full_text: z.string(),
  template_id: z.number(),
  spans: z.array(
    z.object({
      entity_type: z.string(),
      entity_value: z.string(),
      start_position: z.number(),
      end_position: z.number(),
    }),
  ),
});

/** presidio-research synthetic dataset v2 (general PII sentences); TITLE, NRP and AGE < 90 are ignored spans. */
export function loadPresidio(dataDir: string): BenchDoc[] {
  const path = join(dataDir, 'deid', 'presidio-synth-v2', 'synth_dataset_v2.json');
  const rows = z.array(PresidioRow).parse(JSON.parse(readOrFail(path)));
  return rows.map((row, i) => ({
    id: `presidio-${i}-t${row.template_id}`,
    text: row.full_text,
    gold: row.spans.map((s): GoldSpan => {
      const mapped = PRESIDIO_MAP[s.entity_type];
      // Safe Harbor keeps bare years and weekdays; they are not required (and not penalized).
      if (
        s.entity_type === 'DATE_TIME' &&
        /^(?:\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/i.test(s.entity_value.trim())
      ) {
        return { start: s.start_position, end: s.end_position, category: 'DATE', ignore: true };
      }
      const ageOld = s.entity_type === 'AGE' && Number(s.entity_value.replace(/\D/g, '')) >= 90;
      if (ageOld) {
        return { start: s.start_position, end: s.end_position, category: 'AGE' };
      }
      return mapped
        ? { start: s.start_position, end: s.end_position, category: mapped }
        : { start: s.start_position, end: s.end_position, category: 'OTHER', ignore: true };
    }),
  }));
}

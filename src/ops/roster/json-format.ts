import { AppError } from '../../core/errors.js';
import { rosterProblemSchema, type RosterProblem } from './model.js';
import { parseRosterText } from './parse-txt.js';
import { validateRosterProblem } from './validate.js';

/** Parses and validates a roster problem in the Vitalis JSON format; throws AppError VITALIS_BAD_REQUEST. */
export function parseRosterJson(value: unknown): RosterProblem {
  const parsed = rosterProblemSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 50).map((i) => ({
      severity: 'error' as const,
      code: 'invalid',
      diagnostics: `${i.path.join('.')}: ${i.message}`,
    }));
    throw new AppError('VITALIS_BAD_REQUEST', `invalid roster JSON: ${issues[0]?.diagnostics ?? ''}`, { issues });
  }
  const p: RosterProblem = parsed.data;
  validateRosterProblem(p);
  return p;
}

/** Parses either format: JSON when the text starts with "{", the benchmark text format otherwise. */
export function parseRosterProblem(text: string, name = 'roster'): RosterProblem {
  if (text.trimStart().startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new AppError('VITALIS_BAD_REQUEST', 'roster JSON is not valid JSON', { cause });
    }
    return parseRosterJson(value);
  }
  return parseRosterText(text, name);
}

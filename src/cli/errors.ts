import { isAppError, type ErrorCode } from '../core/errors.js';

const HINTS: Partial<Record<ErrorCode, string>> = {
  VITALIS_CONFIG: 'Fix the variable or flag named above; `vitalis --help` lists them, and the README has a table.',
  VITALIS_UNAVAILABLE:
    'Start the database or FHIR server, or unset DATABASE_URL / VITALIS_FHIR_URL to use the embedded store.',
  VITALIS_UPSTREAM: 'Check that the FHIR server at VITALIS_FHIR_URL is reachable and healthy.',
  VITALIS_UNAUTHORIZED:
    'Check VITALIS_FHIR_TOKEN or the SMART Backend Services client settings (VITALIS_FHIR_CLIENT_ID, key).',
  VITALIS_NOT_FOUND: 'Check the id; `vitalis search Patient` lists patients.',
  VITALIS_BAD_REQUEST: 'Check the query syntax, e.g. `vitalis search "Observation?patient=ID&_count=5"`.',
};

/** Prints an error for a person (message plus what to do next) and returns the exit code. Never prints PHI. */
export function reportError(err: unknown): number {
  if (isAppError(err)) {
    process.stderr.write(`vitalis: ${err.message}\n`);
    for (const issue of err.issues.slice(0, 10)) {
      const where = issue.expression?.join(', ');
      process.stderr.write(`  - ${issue.diagnostics}${where ? ` (at ${where})` : ''}\n`);
    }
    const hint = HINTS[err.code];
    if (hint) {
      process.stderr.write(`  next: ${hint}\n`);
    }
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    `vitalis: unexpected error: ${message}\n  next: re-run with VITALIS_LOG_LEVEL=debug and report the issue.\n`,
  );
  return 2;
}

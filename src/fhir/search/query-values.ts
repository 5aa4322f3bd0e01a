import { AppError } from '../../core/errors.js';

/** A VITALIS_BAD_REQUEST error whose issue names the offending search parameter. */
export function badParam(param: string, diagnostics: string, cause?: unknown): AppError {
  return new AppError('VITALIS_BAD_REQUEST', diagnostics, {
    cause,
    issues: [{ severity: 'error', code: 'invalid', diagnostics, expression: [param] }],
  });
}

/** Splits a search value on unescaped commas (comma means OR); escapes are kept for the next split. */
export function splitOr(value: string): string[] {
  return splitUnescaped(value, ',');
}

/** Splits on an unescaped separator, keeping backslash escapes in the parts (see `unescapeValue`). */
export function splitUnescaped(value: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '\\' && i + 1 < value.length) {
      current += c + value.charAt(i + 1);
      i++;
    } else if (c === sep) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Removes FHIR search escapes (`\,`, `\|`, `\$`, `\\`) from a leaf value. */
export function unescapeValue(value: string): string {
  return value.replace(/\\([\\,|$])/g, '$1');
}

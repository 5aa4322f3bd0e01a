import { AppError } from '../core/errors.js';

/** The content type of every FHIR response. */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

const JSON_MEDIA = new Set(['application/fhir+json', 'application/json', 'application/json+fhir', 'text/json']);
const JSON_FORMATS = new Set(['json', ...JSON_MEDIA]);
const WILDCARDS = new Set(['*/*', 'application/*']);

/** True when the media type (without parameters) is a JSON flavour we accept as a request body. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_MEDIA.has(mediaEssence(contentType));
}

/** The lower-cased media type without parameters (`application/fhir+json; charset=utf-8` → `application/fhir+json`). */
export function mediaEssence(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Throws VITALIS_NOT_ACCEPTABLE unless the response can be JSON: `_format` (when given) must name JSON, and the Accept
 * header (when given) must allow JSON or a wildcard with a non-zero quality.
 */
export function assertJsonAcceptable(accept: string | undefined, format: string | undefined): void {
  if (format !== undefined && format !== '') {
    // A literal '+' in a query string decodes to a space (application/fhir+json → "application/fhir json").
    const normalized = mediaEssence(format.replace(/ /g, '+'));
    if (!JSON_FORMATS.has(normalized)) {
      throw new AppError('VITALIS_NOT_ACCEPTABLE', 'Only JSON is supported (_format=json)');
    }
    return;
  }
  if (accept === undefined || accept.trim() === '') {
    return;
  }
  const ranges = accept.split(',').map((part) => {
    const [type = '', ...params] = part.split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim().toLowerCase(), q: q === undefined ? 1 : Number(q.slice(2)) };
  });
  const ok = ranges.some((r) => (JSON_MEDIA.has(r.type) || WILDCARDS.has(r.type)) && !(r.q <= 0));
  if (!ok) {
    throw new AppError('VITALIS_NOT_ACCEPTABLE', 'Only JSON is supported (Accept: application/fhir+json)');
  }
}

/** The version id in an If-Match header (`W/"3"`, `"3"` or `3`), or undefined when absent. */
export function parseIfMatch(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') {
    return undefined;
  }
  const match = /^\s*(?:W\/)?"?([^"\s]+)"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Malformed If-Match header; expected W/"<versionId>"');
  }
  return match[1];
}

/** What a write should return, from the `Prefer: return=...` header (default: the resource). */
export type ReturnPreference = 'minimal' | 'representation' | 'OperationOutcome';

/** Reads `Prefer: return=minimal|representation|OperationOutcome`; anything else means representation. */
export function parsePrefer(header: string | undefined): ReturnPreference {
  const match = /(?:^|[;,\s])return\s*=\s*"?([A-Za-z]+)"?/.exec(header ?? '');
  const value = match?.[1];
  if (value === 'minimal' || value === 'OperationOutcome') {
    return value;
  }
  return 'representation';
}

/** An HTTP-date (RFC 7231) for a FHIR instant, or undefined when it does not parse. */
export function httpDate(instant: string | undefined): string | undefined {
  if (instant === undefined) {
    return undefined;
  }
  const time = Date.parse(instant);
  return Number.isNaN(time) ? undefined : new Date(time).toUTCString();
}

import { getSearchParameter } from '@medplum/core';
import type { ResourceType } from '@medplum/fhirtypes';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { badParam } from '../../fhir/search/index.js';
import { mediaEssence } from '../negotiation.js';
import { header, queryRecord } from '../request-input.js';

/** Parameters that shape the HTTP response, not the search. */
const RESPONSE_PARAMS: ReadonlySet<string> = new Set(['_format', '_pretty']);

/** Search result parameters, known whatever the resource type. */
const RESULT_PARAMS: ReadonlySet<string> = new Set([
  '_count',
  '_offset',
  '_sort',
  '_include',
  '_revinclude',
  '_summary',
  '_elements',
  '_total',
  '_compartment',
  '_type',
  '_cursor',
  '_contained',
  '_containedType',
]);

const SUMMARY_VALUES: ReadonlySet<string> = new Set(['true', 'false', 'text', 'data', 'count']);

const FORM = 'application/x-www-form-urlencoded';

function formBody(request: FastifyRequest): Record<string, string | string[]> {
  if (request.body === undefined || request.body === null) {
    return {};
  }
  const contentType = header(request, 'content-type');
  if (contentType === undefined || mediaEssence(contentType) !== FORM) {
    throw new AppError('VITALIS_UNSUPPORTED_MEDIA_TYPE', `POST _search takes ${FORM} parameters`);
  }
  return request.body as Record<string, string | string[]>;
}

/** True when the request asks to ignore unknown search parameters (`Prefer: handling=lenient`). */
function isLenient(request: FastifyRequest): boolean {
  const prefer = header(request, 'prefer') ?? '';
  return prefer.split(/[,;]/).some((p) => p.trim().toLowerCase() === 'handling=lenient');
}

/** True when the key names a search parameter of the type (or a result parameter); modifiers and chains allowed. */
function isKnownKey(type: ResourceType, key: string): boolean {
  const code = key.split(/[:.]/)[0] ?? key;
  return RESULT_PARAMS.has(code) || getSearchParameter(type, code) !== undefined;
}

/**
 * The search parameters of a request: URL plus form body (POST _search), repeated keys accumulated. Drops the
 * response-format parameters and empty values (`name=` is ignored, as by other servers), drops unknown parameters
 * under `Prefer: handling=lenient` (the default is strict: 400), and checks `_summary` (the parser drops bad values).
 */
export function searchInput(request: FastifyRequest, type: ResourceType, withForm: boolean): URLSearchParams {
  const lenient = isLenient(request);
  const out = new URLSearchParams();
  for (const source of [queryRecord(request), withForm ? formBody(request) : {}]) {
    for (const [key, value] of Object.entries(source)) {
      if (RESPONSE_PARAMS.has(key) || (lenient && !isKnownKey(type, key))) {
        continue;
      }
      for (const v of Array.isArray(value) ? value : [value]) {
        if (v !== '') {
          out.append(key, v);
        }
      }
    }
  }
  if (out.getAll('_summary').some((v) => !SUMMARY_VALUES.has(v))) {
    throw badParam('_summary', '_summary must be one of true, false, text, data, count');
  }
  return out;
}

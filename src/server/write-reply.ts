import type { Resource } from '@medplum/fhirtypes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { infoOutcome } from '../fhir/outcomes.js';
import type { FhirRepository, WriteResult } from '../fhir/repository.js';
import { sendFhir, setVersionHeaders, versionLocation } from './fhir-reply.js';
import { parsePrefer } from './negotiation.js';
import { header } from './request-input.js';

const MESSAGES: Record<WriteResult['outcome'], string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged: identical to the current version',
  existing: 'A matching resource already exists (conditional create)',
};

/**
 * Replies to a create/update: 201 + Location when created, else 200; ETag and Last-Modified; the body per
 * `Prefer: return=minimal|representation|OperationOutcome`.
 */
export function sendWriteResult(
  request: FastifyRequest,
  reply: FastifyReply,
  result: WriteResult,
  base: string,
): FastifyReply {
  const resource: Resource = result.resource;
  setVersionHeaders(reply, resource);
  const created = result.outcome === 'created';
  if (created) {
    reply.header('location', versionLocation(base, resource));
  }
  const status = created ? 201 : 200;
  const prefer = parsePrefer(header(request, 'prefer'));
  switch (prefer) {
    case 'minimal':
      return sendFhir(reply, status, undefined);
    case 'OperationOutcome':
      return sendFhir(reply, status, infoOutcome(MESSAGES[result.outcome], result.outcome));
    case 'representation':
      return sendFhir(reply, status, resource);
  }
}

/** Throws 405 when the store is read-only (its capabilities say it cannot write). */
export function requireWritable(repo: FhirRepository): void {
  if (!repo.capabilities.write) {
    throw new AppError('VITALIS_METHOD_NOT_ALLOWED', 'The store is read-only');
  }
}

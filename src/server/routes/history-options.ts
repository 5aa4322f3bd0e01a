import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { HistoryOptions } from '../../fhir/repository.js';

const HistoryQuery = z.looseObject({
  _count: z.coerce.number().int().min(0).max(10_000).optional(),
  _offset: z.coerce.number().int().min(0).optional(),
  _since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

/** Parses `_count`, `_offset` and `_since` of a history request (400 when malformed). */
export function historyOptions(request: FastifyRequest): HistoryOptions {
  const parsed = HistoryQuery.safeParse(request.query);
  if (!parsed.success) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Invalid history parameters (_count, _offset, _since)', {
      issues: parsed.error.issues.map((i) => ({
        severity: 'error' as const,
        code: 'invalid',
        diagnostics: `Invalid ${String(i.path[0] ?? 'parameter')}`,
        expression: [String(i.path[0] ?? '')],
      })),
    });
  }
  const { _count, _offset, _since } = parsed.data;
  return {
    ...(_count !== undefined ? { count: _count } : {}),
    ...(_offset !== undefined ? { offset: _offset } : {}),
    ...(_since !== undefined ? { since: _since } : {}),
  };
}

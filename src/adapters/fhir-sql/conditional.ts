import type { Resource } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import { readResource } from './read.js';
import { findMatchingIds, parseSearchQuery } from './search/index.js';
import type { SqlClient } from './sql-client.js';

/** Finds the ids of up to two current resources matching a search query (enough to tell none, one and several apart). */
export async function findMatches(db: SqlClient, type: string, query: string): Promise<string[]> {
  const matches = await findMatchingIds(db, parseSearchQuery(type, query), 2);
  return matches.map((m) => m.id);
}

/** Resolves a conditional match to at most one resource; several matches fail with VITALIS_PRECONDITION_FAILED. */
export async function findOne(db: SqlClient, type: string, query: string): Promise<Resource | undefined> {
  const ids = await findMatches(db, type, query);
  if (ids.length > 1) {
    throw new AppError('VITALIS_PRECONDITION_FAILED', 'Conditional request matched more than one resource');
  }
  return ids[0] === undefined ? undefined : readResource(db, type, ids[0]);
}

/** Resolves a conditional reference (`Patient?identifier=x|y`) to `Type/id`; it must match exactly one resource. */
export async function resolveConditionalReference(db: SqlClient, ref: string): Promise<string> {
  const q = ref.indexOf('?');
  const type = ref.slice(0, q);
  const ids = await findMatches(db, type, ref.slice(q + 1));
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new AppError(
      'VITALIS_PRECONDITION_FAILED',
      ids.length === 0
        ? 'Conditional reference matched no resource'
        : 'Conditional reference matched several resources',
    );
  }
  return `${type}/${ids[0]}`;
}

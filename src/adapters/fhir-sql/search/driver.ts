import { getSearchParameter } from '@medplum/core';
import type { Filter } from './compile-filter.js';

const NEVER = Number.POSITIVE_INFINITY;

/** How selective a filter is likely to be when used to find candidates (lower is better; NEVER cannot drive). */
export function driverRank(resourceType: string, filter: Filter): number {
  if (filter.code.includes('.')) {
    return 6;
  }
  if (['missing', 'present', 'not', 'ne', 'text', 'contains'].includes(filter.operator)) {
    return NEVER;
  }
  if (filter.code === '_id') {
    return 1;
  }
  if (filter.code === '_compartment') {
    return 2;
  }
  if (filter.code === '_lastUpdated') {
    return NEVER;
  }
  const sp = getSearchParameter(resourceType, filter.code);
  switch (sp?.type) {
    case 'reference':
      return 2;
    case 'token':
      return filter.value.includes('|') || filter.code === 'identifier' ? 3 : 4;
    case 'string':
      return filter.operator === 'exact' ? 4 : 5;
    case 'date':
    case 'number':
    case 'quantity':
    case 'uri':
      return 7;
    case 'composite':
    case 'special':
    case undefined:
      return NEVER;
  }
}

/** Picks the filter that drives the search (its value index finds candidates); the others are probed per row. */
export function pickDriver(resourceType: string, filters: readonly Filter[]): number {
  let best = -1;
  let bestRank = NEVER;
  filters.forEach((f, i) => {
    const rank = driverRank(resourceType, f);
    if (rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  });
  return best;
}

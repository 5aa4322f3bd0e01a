export { executeSearch, findMatchingIds, type MatchId, type SearchOptions } from './execute.js';
export { parseSearchQuery } from '../../../fhir/search/parse-query.js';
export { DEFAULT_COUNT, MAX_COUNT } from './compile-search.js';

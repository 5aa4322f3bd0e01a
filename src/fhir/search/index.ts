export { assertResourceType } from '../resource-type.js';
export { parseSearchQuery, parseSearchUrl } from './parse-query.js';
export { badParam, splitOr, splitUnescaped, unescapeValue } from './query-values.js';

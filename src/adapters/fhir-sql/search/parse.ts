export { parseSearchQuery } from '../../../fhir/search/parse-query.js';

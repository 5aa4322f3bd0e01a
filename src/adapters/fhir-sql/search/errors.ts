export { badParam, splitOr, splitUnescaped, unescapeValue } from '../../../fhir/search/query-values.js';

import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { loadExternalKnowledge, useSiteKnowledge } from '../meds/index.js';

/**
 * Loads the site's interaction knowledge bases named by `VITALIS_MEDS_KNOWLEDGE` (ANSM thesaurus folders or CSV files,
 * separated by commas) so that the CDS services and the API check against them as well as ours. Returns their names
 * for the banner; a path that cannot be read stops the start-up with the reason.
 */
export function loadSiteKnowledge(config: Config, logger: Logger): string[] {
  if (!config.medsKnowledge) return [];
  const options = config.medsRxnormIngredients ? { rxnormIngredientsCsv: config.medsRxnormIngredients } : {};
  const sources = config.medsKnowledge
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((path) => loadExternalKnowledge(path, options));
  const knowledge = useSiteKnowledge(sources);
  logger.info('site interaction knowledge loaded', {
    sources: sources.length,
    rules: knowledge.sources.reduce((n, s) => n + s.rules.length, 0),
  });
  return sources.map((s) => `${s.name} ${s.version} (${s.rules.length} rules)`);
}

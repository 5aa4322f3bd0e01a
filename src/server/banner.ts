import type { Config } from '../core/config.js';
import type { FhirRepository } from '../fhir/repository.js';
import { loadModelSpecs } from '../adapters/llm-runtime/index.js';
import { describeStore } from '../app/open-repository.js';
import { authLines, authRows } from './auth-banner.js';
import { cdsLines, cdsRows } from './routes/cds-banner.js';
import { SOFTWARE } from './deps.js';

function modelsLine(config: Config): string {
  try {
    const specs = loadModelSpecs(config);
    if (specs.length === 0) {
      return 'none configured; LLM tasks answer with labelled templates (set VITALIS_MODEL_GGUF or VITALIS_LLM_URL)';
    }
    return specs.map((s) => `${s.id} (${s.dataBoundary})`).join(', ');
  } catch {
    return 'the model configuration is invalid; run `vitalis models` to see why';
  }
}

/** The start-up banner: the store and every URL a user needs. */
export function renderBanner(
  url: string,
  config: Config,
  repo: FhirRepository,
  siteKnowledge: readonly string[] = [],
): string {
  const store = describeStore(config);
  const rows: [string, string][] = [
    ['UI', `${url}/`],
    ['FHIR R4 API', `${url}/fhir`],
    ['Capability', `${url}/fhir/metadata`],
    ['Patients API', `${url}/api/patients`],
    ['Health', `${url}/healthz  ${url}/readyz`],
    ...authRows(url, config),
    ...cdsRows(url, config),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    '',
    `  ${SOFTWARE.name} ${SOFTWARE.version} is running`,
    `  Store: ${store.kind} (${store.location})${repo.capabilities.write ? '' : ', read-only'}`,
    ...authLines(config),
    ...cdsLines(config),
    `  Language models: ${modelsLine(config)}`,
    `  Interaction knowledge: Vitalis${siteKnowledge.map((k) => ` + ${k}`).join('')}`,
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    '  Press Ctrl+C to stop.',
    '',
    '',
  ].join('\n');
}

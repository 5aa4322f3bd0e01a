import { getResourceTypes, getSearchParameters } from '@medplum/core';
import type {
  CapabilityStatement,
  CapabilityStatementRest,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceInteraction,
  CapabilityStatementRestResourceSearchParam,
  ResourceType,
} from '@medplum/fhirtypes';
import { loadFhirDefinitions } from './definitions.js';
import type { RepositoryCapabilities } from './repository.js';

/** What the CapabilityStatement describes: the store's capabilities and the software serving it. */
export interface CapabilityOptions {
  capabilities: RepositoryCapabilities;
  software: { name: string; version: string };
  /** Base URL of the FHIR endpoint (implementation.url), e.g. `http://localhost:8080/fhir`. */
  baseUrl?: string;
  /** Publication date; defaults to now. */
  date?: string;
}

const R4_SEARCH_PARAMETER_PREFIX = 'http://hl7.org/fhir/SearchParameter/';
/** Resource-level R4 parameters, which @medplum/core synthesizes without a url. */
const COMMON_PARAMS: Record<string, string> = {
  _id: 'Resource-id',
  _lastUpdated: 'Resource-lastUpdated',
  _profile: 'Resource-profile',
  _security: 'Resource-security',
  _source: 'Resource-source',
  _tag: 'Resource-tag',
};
const EVERYTHING_DEFINITION = 'http://hl7.org/fhir/OperationDefinition/Patient-everything';

/** Every concrete R4 resource type, sorted (the SQL store supports them all generically). */
export function supportedResourceTypes(): ResourceType[] {
  loadFhirDefinitions();
  return [...getResourceTypes()].sort();
}

/** The implemented R4 search parameters of a resource type (all but composite/special), sorted by name. */
export function capabilitySearchParams(type: ResourceType): CapabilityStatementRestResourceSearchParam[] {
  loadFhirDefinitions();
  const params = getSearchParameters(type) ?? {};
  return (
    Object.entries(params)
      .map(([code, sp]) => ({ code, type: sp.type, url: sp.url ?? commonUrl(code) }))
      .filter((sp) => sp.url?.startsWith(R4_SEARCH_PARAMETER_PREFIX) ?? false)
      // Composite and special parameters are not implemented (the store answers 400), so they are not advertised.
      .filter((sp) => sp.type !== 'composite' && sp.type !== 'special')
      .map((sp) => ({ name: sp.code, type: sp.type, ...(sp.url ? { definition: sp.url } : {}) }))
      .sort((a, b) => a.name.localeCompare(b.name))
  );
}

function commonUrl(code: string): string | undefined {
  const name = COMMON_PARAMS[code];
  return name === undefined ? undefined : `${R4_SEARCH_PARAMETER_PREFIX}${name}`;
}

function interactions(write: boolean): CapabilityStatementRestResourceInteraction[] {
  const codes: CapabilityStatementRestResourceInteraction['code'][] = [
    'read',
    'vread',
    'history-instance',
    'history-type',
    'search-type',
    ...(write ? (['create', 'update', 'delete'] as const) : []),
  ];
  return codes.map((code) => ({ code }));
}

/** `Type:param` for each reference search parameter of the type (what `_include` accepts). */
function includeTargets(type: ResourceType): string[] {
  return capabilitySearchParams(type)
    .filter((p) => p.type === 'reference' && !p.name.startsWith('_'))
    .map((p) => `${type}:${p.name}`);
}

/** For each type, the `Source:param` reference parameters that can point at it (what `_revinclude` accepts). */
function revIncludeTargets(types: readonly ResourceType[]): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const source of types) {
    for (const [code, sp] of Object.entries(getSearchParameters(source) ?? {})) {
      if (sp.type !== 'reference' || code.startsWith('_') || !sp.url?.startsWith(R4_SEARCH_PARAMETER_PREFIX)) {
        continue;
      }
      for (const target of sp.target ?? []) {
        byTarget.set(target, [...(byTarget.get(target) ?? []), `${source}:${code}`]);
      }
    }
  }
  return byTarget;
}

function resourceEntry(type: ResourceType, write: boolean, revInclude: string[]): CapabilityStatementRestResource {
  return {
    type,
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    interaction: interactions(write),
    versioning: 'versioned-update',
    readHistory: true,
    updateCreate: write,
    conditionalCreate: write,
    conditionalRead: 'not-supported',
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
    referencePolicy: ['literal', 'local'],
    searchInclude: includeTargets(type),
    searchRevInclude: revInclude,
    searchParam: capabilitySearchParams(type),
    ...(type === 'Patient' ? { operation: [{ name: 'everything', definition: EVERYTHING_DEFINITION }] } : {}),
  };
}

/** Builds the server's R4 CapabilityStatement from what is implemented: types, interactions, search params, operations. */
export function buildCapabilityStatement(options: CapabilityOptions): CapabilityStatement {
  const write = options.capabilities.write;
  const types = supportedResourceTypes();
  const revIncludes = revIncludeTargets(types);
  const rest: CapabilityStatementRest = {
    mode: 'server',
    documentation: write
      ? 'FHIR R4 store: CRUD, versioning, history, search, batch/transaction, Patient/$everything.'
      : 'Read-only FHIR R4 facade over a remote EHR: read, history, search, Patient/$everything.',
    resource: types.map((type) => resourceEntry(type, write, revIncludes.get(type) ?? [])),
    interaction: write ? [{ code: 'transaction' }, { code: 'batch' }] : [],
    operation: [{ name: 'everything', definition: EVERYTHING_DEFINITION }],
  };
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date ?? new Date().toISOString(),
    publisher: options.software.name,
    kind: 'instance',
    software: { name: options.software.name, version: options.software.version },
    implementation: {
      description: `${options.software.name} FHIR R4 API`,
      ...(options.baseUrl ? { url: options.baseUrl } : {}),
    },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json', 'application/json'],
    rest: [rest],
  };
}

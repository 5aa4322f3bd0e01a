import type { SearchRequest } from '@medplum/core';
import type { Bundle, Resource, ResourceType } from '@medplum/fhirtypes';
import { AppError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import type {
  CreateOptions,
  FhirRepository,
  HistoryOptions,
  UpdateOptions,
  WriteResult,
} from '../../fhir/repository.js';
import { noAuth, staticBearer, type AuthProvider } from './auth-provider.js';
import { createFhirClient, type FhirClient, type FhirRequest } from './fhir-client.js';
import { parseRemoteOptions, type RemoteRepositoryOptions, type ResolvedRemoteOptions } from './options.js';
import { parseBundle, parseResource, ResourceSchema } from './response-schemas.js';
import { idSegment, rebaseBundle, searchPath, typeSegment } from './search-query.js';
import { smartBackendAuth } from './smart-backend-auth.js';
import type { RawResponse } from './transport.js';

/** A FhirRepository on a remote FHIR R4 server; `withSignal` scopes calls to a cancellation signal. */
export interface RemoteFhirRepository extends FhirRepository {
  /** A view of this repository whose calls are also cancelled when `signal` fires (e.g. the client went away). */
  withSignal(signal: AbortSignal): FhirRepository;
}

interface Context {
  options: ResolvedRemoteOptions;
  client: FhirClient;
  close: () => Promise<void>;
}

/**
 * Creates a FhirRepository that maps each port method to its FHIR R4 REST interaction on `baseUrl`, authenticating
 * with nothing, a fixed bearer token or SMART Backend Services. Throws VITALIS_CONFIG for invalid options or keys.
 */
export function createRemoteRepository(options: RemoteRepositoryOptions): RemoteFhirRepository {
  const resolved = parseRemoteOptions(options);
  const logger = (resolved.logger ?? silentLogger).child({ component: 'fhir-http' });
  const closer = new AbortController();
  const fetchFn = resolved.fetch ?? ((input: string, init: RequestInit) => fetch(input, init));
  const auth = authProvider(resolved, { closed: closer.signal, fetchFn, logger });
  const client = createFhirClient({ options: resolved, auth, closed: closer.signal, logger });
  const ctx: Context = {
    options: resolved,
    client,
    close: () => {
      closer.abort(new AppError('VITALIS_UNAVAILABLE', 'The remote repository is closed'));
      return Promise.resolve();
    },
  };
  // A scoped view shares the connection settings and token; closing it does not close the repository.
  const view = (signal: AbortSignal): FhirRepository => ({ ...bind(ctx, signal), close: () => Promise.resolve() });
  return { ...bind(ctx, undefined), withSignal: view };
}

function authProvider(
  options: ResolvedRemoteOptions,
  deps: { closed: AbortSignal; fetchFn: NonNullable<ResolvedRemoteOptions['fetch']>; logger: typeof silentLogger },
): AuthProvider {
  const auth = options.auth;
  switch (auth.kind) {
    case 'none':
      return noAuth;
    case 'bearer':
      return staticBearer(auth.token);
    case 'smart-backend':
      return smartBackendAuth(auth, {
        fetch: deps.fetchFn,
        baseUrl: options.baseUrl,
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxResponseBytes,
        logger: deps.logger,
        closed: deps.closed,
      });
  }
}

function bind(ctx: Context, signal: AbortSignal | undefined): FhirRepository {
  const send = (req: FhirRequest): Promise<RawResponse> => ctx.client.send(req, signal);
  const base = ctx.options.baseUrl;

  const read = async <T extends Resource>(type: T['resourceType'], id: string): Promise<T> => {
    const what = `read ${typeSegment(type)}`;
    const res = await send({ method: 'GET', path: `/${type}/${idSegment(id)}`, what });
    return parseResource<T>(res.body, what, { type, id });
  };

  const vread = async <T extends Resource>(type: T['resourceType'], id: string, versionId: string): Promise<T> => {
    const what = `vread ${typeSegment(type)}`;
    const path = `/${type}/${idSegment(id)}/_history/${idSegment(versionId, 'versionId')}`;
    const res = await send({ method: 'GET', path, what });
    return parseResource<T>(res.body, what, { type, id });
  };

  /** The written resource from the response body, or read back from the Location header. */
  const writtenResource = async <T extends Resource>(res: RawResponse, what: string, type: string): Promise<T> => {
    if (ResourceSchema.safeParse(res.body).success && (res.body as Resource).resourceType === type) {
      return parseResource<T>(res.body, what, { type });
    }
    const location = parseLocation(res.headers.get('location') ?? res.headers.get('content-location'), type);
    if (!location) {
      throw new AppError('VITALIS_UPSTREAM', `${what}: the FHIR server returned neither the resource nor a Location`);
    }
    return location.versionId === undefined
      ? read<T>(type as T['resourceType'], location.id)
      : vread<T>(type as T['resourceType'], location.id, location.versionId);
  };

  const create = async <T extends Resource>(resource: T, options: CreateOptions = {}): Promise<WriteResult<T>> => {
    const type = checkedType(resource);
    const what = `create ${type}`;
    const headers: Record<string, string> = { prefer: 'return=representation' };
    if (options.ifNoneExist !== undefined) {
      headers['if-none-exist'] = options.ifNoneExist;
    }
    const res = await send({ method: 'POST', path: `/${type}`, what, body: resource, headers });
    const stored = await writtenResource<T>(res, what, type);
    const outcome = res.status === 200 && options.ifNoneExist !== undefined ? 'existing' : 'created';
    return { resource: stored, outcome };
  };

  const update = async <T extends Resource>(resource: T, options: UpdateOptions = {}): Promise<WriteResult<T>> => {
    const type = checkedType(resource);
    const what = `update ${type}`;
    if (resource.id === undefined) {
      throw new AppError('VITALIS_BAD_REQUEST', `${what}: the resource has no id`);
    }
    const headers: Record<string, string> = { prefer: 'return=representation' };
    if (options.ifMatch !== undefined) {
      headers['if-match'] = `W/"${idSegment(options.ifMatch, 'versionId')}"`;
    }
    const path = `/${type}/${idSegment(resource.id)}`;
    const res = await send({ method: 'PUT', path, what, body: resource, headers });
    const stored = await writtenResource<T>(res, what, type);
    const sentVersion = resource.meta?.versionId;
    const outcome =
      res.status === 201
        ? 'created'
        : sentVersion !== undefined && stored.meta?.versionId === sentVersion
          ? 'unchanged'
          : 'updated';
    return { resource: stored, outcome };
  };

  return {
    capabilities: { write: true, local: false },
    read,
    vread,
    create,
    update,
    delete: async (type: ResourceType, id: string): Promise<void> => {
      await send({ method: 'DELETE', path: `/${typeSegment(type)}/${idSegment(id)}`, what: `delete ${type}` });
    },
    history: async (
      type: ResourceType,
      id: string | undefined,
      options: HistoryOptions = {},
      baseUrl?: string,
    ): Promise<Bundle> => {
      const what = `history ${typeSegment(type)}`;
      const path = `/${type}${id === undefined ? '' : `/${idSegment(id)}`}/_history${historyQuery(options)}`;
      const res = await send({ method: 'GET', path, what });
      return rebaseBundle(parseBundle(res.body, what, ['history']), base, baseUrl);
    },
    search: async <T extends Resource>(request: SearchRequest<T>, baseUrl?: string): Promise<Bundle<T>> => {
      const what = `search ${typeSegment(request.resourceType)}`;
      const res = await send({ method: 'GET', path: searchPath(request), what });
      return rebaseBundle(parseBundle<T>(res.body, what, ['searchset']), base, baseUrl);
    },
    processBundle: async (bundle: Bundle, baseUrl?: string): Promise<Bundle> => {
      const what = `${bundle.type ?? 'unknown'} bundle`;
      if (bundle.resourceType !== 'Bundle' || (bundle.type !== 'batch' && bundle.type !== 'transaction')) {
        throw new AppError('VITALIS_BAD_REQUEST', 'Only batch and transaction Bundles can be processed');
      }
      const res = await send({ method: 'POST', path: '', what, body: bundle });
      const expected = bundle.type === 'batch' ? 'batch-response' : 'transaction-response';
      return rebaseBundle(parseBundle(res.body, what, [expected]), base, baseUrl);
    },
    everything: async (patientId: string, baseUrl?: string): Promise<Bundle> => {
      const what = 'Patient $everything';
      const res = await send({ method: 'GET', path: `/Patient/${idSegment(patientId)}/$everything`, what });
      return rebaseBundle(parseBundle(res.body, what, ['searchset', 'collection']), base, baseUrl);
    },
    close: ctx.close,
  };
}

function checkedType(resource: Resource): string {
  const parsed = ResourceSchema.safeParse(resource);
  if (!parsed.success) {
    throw new AppError('VITALIS_BAD_REQUEST', 'Not a FHIR resource (resourceType missing or invalid)');
  }
  return typeSegment(parsed.data.resourceType);
}

function historyQuery(options: HistoryOptions): string {
  const params = new URLSearchParams();
  if (options.count !== undefined) {
    params.set('_count', String(options.count));
  }
  if (options.offset !== undefined && options.offset > 0) {
    params.set('_offset', String(options.offset));
  }
  if (options.since !== undefined) {
    params.set('_since', options.since);
  }
  const q = params.toString();
  return q === '' ? '' : `?${q}`;
}

/** Extracts id and version from a Location like `[base]/Patient/1/_history/2` for the expected type. */
export function parseLocation(
  location: string | null,
  type: string,
): { id: string; versionId: string | undefined } | undefined {
  if (location === null) {
    return undefined;
  }
  const path = location.split('?')[0] ?? '';
  const m = new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/([A-Za-z0-9\\-.]{1,64}))?/?$`).exec(path);
  if (!m?.[1]) {
    return undefined;
  }
  return { id: m[1], versionId: m[2] };
}

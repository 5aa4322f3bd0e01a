import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import {
  bundle,
  capabilityStatement,
  identifiers,
  invalid,
  ISSUE_BIRTHDATE,
  outcome,
  sameContent,
  specialResponse,
} from './fixture-helpers.js';
import { listenLoopback, readBody, sendJson } from './loopback.js';

/** How the fixture advertises its token endpoint. */
export type DiscoveryMode = 'well-known' | 'metadata' | 'none';

export interface FhirFixtureOptions {
  /** Returns false to answer 401 (default: everything allowed). */
  authorize?: (header: string | undefined) => boolean;
  discovery?: DiscoveryMode;
  tokenUrl?: string;
  /** Number of 503 answers `Patient/flaky` gives before succeeding. */
  flakyFailures?: number;
  /** Answer creates like `Prefer: return=minimal` servers: Location header, empty body. */
  minimalCreates?: boolean;
}

/** A request the fixture saw (headers that matter to the tests only). */
export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  ifMatch: string | undefined;
  ifNoneExist: string | undefined;
}

/**
 * A small FHIR R4 server on loopback with an in-memory store: read, vread, create (If-None-Exist on identifier),
 * update (If-Match), delete, history, search, transaction and $everything. Special ids trigger failures:
 * `Patient/slow` hangs, `Patient/flaky` fails with 503 a few times, `Patient/broken` always 500s,
 * `Patient/html` answers HTML, `Patient/wrongtype` answers an Observation.
 */
export interface FhirFixture {
  baseUrl: string;
  requests: SeenRequest[];
  store: Map<string, Resource[]>;
  close(): Promise<void>;
}

export async function startFhirFixture(options: FhirFixtureOptions = {}): Promise<FhirFixture> {
  const store = new Map<string, Resource[]>();
  const deleted = new Set<string>();
  const requests: SeenRequest[] = [];
  const flakyState = { remaining: options.flakyFailures ?? 2 };
  let nextId = 1;
  let base = '';

  const write = (resource: Resource, id: string): { stored: Resource; status: number } => {
    const key = `${resource.resourceType}/${id}`;
    const versions = store.get(key) ?? [];
    const current = versions.at(-1);
    if (current && !deleted.has(key) && sameContent(current, resource)) {
      return { stored: current, status: 200 };
    }
    const stored = {
      ...resource,
      id,
      meta: { versionId: String(versions.length + 1), lastUpdated: new Date().toISOString() },
    };
    store.set(key, [...versions, stored]);
    deleted.delete(key);
    return { stored, status: versions.length === 0 ? 201 : 200 };
  };

  const create = (resource: Resource, ifNoneExist: string | undefined): { stored: Resource; status: number } => {
    if (ifNoneExist) {
      const value = new URLSearchParams(ifNoneExist).get('identifier');
      const match = [...store.entries()].find(
        ([k, v]) =>
          !deleted.has(k) && k.startsWith(`${resource.resourceType}/`) && identifiers(v.at(-1)).includes(value ?? ''),
      );
      if (match?.[1].at(-1)) {
        return { stored: match[1].at(-1) as Resource, status: 200 };
      }
    }
    return write(resource, `f${nextId++}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname.replace(/^\/fhir/, '');
    const header = (n: string): string | undefined => {
      const v = req.headers[n];
      return Array.isArray(v) ? v[0] : v;
    };
    requests.push({
      method: req.method ?? 'GET',
      url: path + url.search,
      authorization: header('authorization'),
      ifMatch: header('if-match'),
      ifNoneExist: header('if-none-exist'),
    });
    if (path === '/.well-known/smart-configuration' && options.discovery === 'well-known') {
      sendJson(res, 200, {
        token_endpoint: options.tokenUrl,
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
        grant_types_supported: ['client_credentials'],
      });
      return;
    }
    if (path === '/metadata') {
      sendJson(res, 200, capabilityStatement(options));
      return;
    }
    if (options.authorize && !options.authorize(header('authorization'))) {
      sendJson(res, 401, outcome('login', 'Unauthorized'));
      return;
    }
    const body =
      req.method === 'POST' || req.method === 'PUT' ? (JSON.parse(await readBody(req)) as Resource) : undefined;
    const parts = path.split('/').filter((p) => p !== '');
    const [type, id, op, vid] = parts;

    if (id !== undefined && (await specialResponse(id, res, flakyState))) {
      return;
    }

    if (req.method === 'POST' && type === undefined && body) {
      transaction(body as Bundle, res);
      return;
    }
    if (req.method === 'POST' && type && body) {
      if (invalid(body)) {
        sendJson(res, 400, ISSUE_BIRTHDATE);
        return;
      }
      const { stored, status } = create(body, header('if-none-exist'));
      const location = `${base}/${type}/${stored.id ?? ''}/_history/${stored.meta?.versionId ?? ''}`;
      if (options.minimalCreates) {
        res.writeHead(status, { location }).end();
        return;
      }
      sendJson(res, status, stored, { location });
      return;
    }
    if (req.method === 'PUT' && type && id && body) {
      const current = store.get(`${type}/${id}`)?.at(-1);
      const ifMatch = header('if-match');
      if (ifMatch && ifMatch !== `W/"${current?.meta?.versionId ?? ''}"`) {
        sendJson(res, 412, outcome('conflict', 'Version mismatch'));
        return;
      }
      if (invalid(body)) {
        sendJson(res, 422, ISSUE_BIRTHDATE);
        return;
      }
      const { stored, status } = write(body, id);
      sendJson(res, status, stored);
      return;
    }
    if (req.method === 'DELETE' && type && id) {
      deleted.add(`${type}/${id}`);
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && type && id === '$everything') {
      sendJson(res, 400, outcome('invalid', 'Not supported'));
      return;
    }
    if (req.method === 'GET' && type && id && op === '$everything') {
      const all = [...store.values()]
        .map((v) => v.at(-1) as Resource)
        .filter((r) => r.id === id || JSON.stringify(r).includes(`"Patient/${id}"`));
      sendJson(res, 200, bundle('searchset', all, base));
      return;
    }
    if (req.method === 'GET' && type && (id === '_history' || op === '_history')) {
      if (vid) {
        const version = store.get(`${type}/${id}`)?.find((r) => r.meta?.versionId === vid);
        sendJson(res, version ? 200 : 404, version ?? outcome('not-found', 'No such version'));
        return;
      }
      const versions =
        id === '_history'
          ? [...store.entries()].filter(([k]) => k.startsWith(`${type}/`)).flatMap(([, v]) => v)
          : (store.get(`${type}/${id}`) ?? []);
      sendJson(res, 200, bundle('history', [...versions].reverse(), base));
      return;
    }
    if (req.method === 'GET' && type && id) {
      const key = `${type}/${id}`;
      const current = store.get(key)?.at(-1);
      if (deleted.has(key)) {
        sendJson(res, 410, outcome('deleted', 'Deleted'));
        return;
      }
      sendJson(res, current ? 200 : 404, current ?? outcome('not-found', 'Not found'));
      return;
    }
    if (req.method === 'GET' && type) {
      const all = [...store.entries()]
        .filter(([k]) => k.startsWith(`${type}/`) && !deleted.has(k))
        .map(([, v]) => v.at(-1) as Resource);
      const b = bundle('searchset', all, base);
      b.link = [
        { relation: 'self', url: `${base}/${type}${url.search}` },
        { relation: 'next', url: `${base}/${type}?_offset=10` },
      ];
      sendJson(res, 200, b);
      return;
    }
    sendJson(res, 404, outcome('not-found', 'Unknown route'));
  };

  const transaction = (input: Bundle, res: ServerResponse): void => {
    const entries = input.entry ?? [];
    if (entries.some((e) => e.resource && invalid(e.resource))) {
      sendJson(res, 400, ISSUE_BIRTHDATE);
      return;
    }
    const out: BundleEntry[] = entries.map((e) => {
      const r = e.resource as Resource;
      const { stored, status } =
        e.request?.method === 'PUT' ? write(r, e.request.url.split('/')[1] ?? 'x') : create(r, e.request?.ifNoneExist);
      return {
        fullUrl: `${base}/${stored.resourceType}/${stored.id ?? ''}`,
        resource: stored,
        response: {
          status: status === 201 ? '201 Created' : '200 OK',
          location: `${stored.resourceType}/${stored.id ?? ''}/_history/${stored.meta?.versionId ?? ''}`,
        },
      };
    });
    sendJson(res, 200, { resourceType: 'Bundle', type: `${input.type ?? 'batch'}-response`, entry: out });
  };

  const loop = await listenLoopback(handle);
  base = `${loop.origin}/fhir`;
  return { baseUrl: base, requests, store, close: () => loop.close() };
}

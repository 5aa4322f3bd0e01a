import type { ServerResponse } from 'node:http';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { sendJson } from './loopback.js';

export const ISSUE_BIRTHDATE: OperationOutcome = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'value', diagnostics: 'Invalid date', expression: ['Patient.birthDate'] }],
};

export function outcome(code: string, diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as 'invalid', diagnostics }] };
}

/** Starts the fixture on 127.0.0.1 under `/fhir`. */
/** Answers the failure-triggering ids (slow, flaky, broken, html, wrongtype); false for ordinary ids. */
export async function specialResponse(id: string, res: ServerResponse, state: { remaining: number }): Promise<boolean> {
  if (id === 'slow') {
    // Hangs until the client gives up (or 3 s pass).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      res.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!res.destroyed) {
      sendJson(res, 200, { resourceType: 'Patient', id: 'slow' });
    }
    return true;
  }
  if (id === 'flaky') {
    if (state.remaining-- > 0) {
      sendJson(res, 503, outcome('transient', 'Try again'), { 'retry-after': '0' });
      return true;
    }
    sendJson(res, 200, { resourceType: 'Patient', id: 'flaky' });
    return true;
  }
  if (id === 'broken') {
    sendJson(res, 500, outcome('exception', 'Database down'));
    return true;
  }
  if (id === 'html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>oops</html>');
    return true;
  }
  if (id === 'wrongtype') {
    sendJson(res, 200, { resourceType: 'Observation', id: 'wrongtype' });
    return true;
  }
  return false;
}

export function bundle(type: 'searchset' | 'history', resources: Resource[], base: string): Bundle {
  return {
    resourceType: 'Bundle',
    type,
    total: resources.length,
    entry: resources.map((r) => ({
      fullUrl: `${base}/${r.resourceType}/${r.id ?? ''}`,
      resource: r,
      ...(type === 'searchset' ? { search: { mode: 'match' } } : {}),
    })),
  };
}

export function sameContent(a: Resource, b: Resource): boolean {
  const strip = (r: Resource): string => JSON.stringify({ ...r, meta: undefined, id: undefined });
  return strip(a) === strip(b);
}

export function invalid(r: Resource): boolean {
  return r.resourceType === 'Patient' && r.birthDate !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.birthDate);
}

export function identifiers(r: Resource | undefined): string[] {
  const ids = (r as { identifier?: { system?: string; value?: string }[] } | undefined)?.identifier ?? [];
  return ids.map((i) => `${i.system ?? ''}|${i.value ?? ''}`);
}

/** A CapabilityStatement, advertising the token URL in the oauth-uris extension when asked to. */
export function capabilityStatement(options: {
  discovery?: string | undefined;
  tokenUrl?: string | undefined;
}): unknown {
  const security =
    options.discovery === 'metadata'
      ? {
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: options.tokenUrl }],
            },
          ],
        }
      : undefined;
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{ mode: 'server', ...(security ? { security } : {}) }],
  };
}

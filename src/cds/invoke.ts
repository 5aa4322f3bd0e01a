import type { Resource } from '@medplum/fhirtypes';
import type { z } from 'zod';
import type { AuditAgent, AuditTrail } from '../audit/trail.js';
import { AppError } from '../core/errors.js';
import type { PatientContext } from '../patient/index.js';
import type { CardLedger } from './card-ledger.js';
import { finishResult } from './card-finish.js';
import type { CdsCaller } from './caller.js';
import type { CdsService } from './contract.js';
import { HOOK_CONTEXT_SCHEMAS } from './hook-context.js';
import { contextFromEverything, contextFromPrefetch } from './patient-from-prefetch.js';
import { ehrRepository, resolvePrefetch, type EhrFhirFactory } from './prefetch-resolve.js';
import type { CdsRegistry } from './registry.js';
import { CdsRequestSchema, type CdsRequest } from './request-schema.js';
import type { SpecServiceResponse } from './spec-schemas.js';

/** Everything one hook call needs besides the request body. */
export interface InvokeOptions {
  registry: CdsRegistry;
  serviceId: string;
  body: unknown;
  baseUrl: string;
  caller: CdsCaller;
  ehr: EhrFhirFactory;
  ledger: CardLedger;
  audit?: AuditTrail | undefined;
  /** Engine version recorded when a service names none. */
  defaultVersion: string;
}

function badRequest(what: string, error: z.ZodError): AppError {
  const paths = [...new Set(error.issues.map((i) => i.path.map(String).join('.') || '(root)'))].slice(0, 10);
  return new AppError('VITALIS_BAD_REQUEST', `Invalid ${what}: ${paths.join(', ')}`, {
    issues: error.issues.slice(0, 10).map((i) => ({
      severity: 'error',
      code: 'invalid',
      diagnostics: i.message,
      expression: [i.path.map(String).join('.') || '(root)'],
    })),
  });
}

/** Finds the service and validates the body and the hook context; 404 unknown service, 400 otherwise. */
export function parseCall(
  registry: CdsRegistry,
  serviceId: string,
  body: unknown,
): { service: CdsService; request: CdsRequest; context: Record<string, unknown> } {
  const service = registry.get(serviceId);
  if (!service) {
    throw new AppError('VITALIS_NOT_FOUND', 'No CDS service with this id; see GET /cds-services');
  }
  const parsed = CdsRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw badRequest('CDS Hooks request', parsed.error);
  }
  if (parsed.data.hook !== service.hook) {
    throw new AppError('VITALIS_BAD_REQUEST', `Service ${service.id} answers the ${service.hook} hook only`);
  }
  const context = HOOK_CONTEXT_SCHEMAS[service.hook].safeParse(parsed.data.context);
  if (!context.success) {
    throw badRequest(`${service.hook} context`, context.error);
  }
  return { service, request: parsed.data, context: context.data };
}

function draftOrders(context: Record<string, unknown>): Resource[] {
  const bundle = context['draftOrders'] as { entry?: { resource?: Resource }[] } | undefined;
  return (bundle?.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

async function patientFor(
  service: CdsService,
  request: CdsRequest,
  context: Record<string, unknown>,
  ehr: EhrFhirFactory,
): Promise<PatientContext | null> {
  const patientId = typeof context['patientId'] === 'string' ? context['patientId'] : null;
  if (patientId === null) {
    return null;
  }
  const input = {
    context,
    prefetch: request.prefetch as Record<string, Resource | null> | undefined,
    fhirServer: request.fhirServer,
    fhirAuthorization: request.fhirAuthorization,
    ehr,
  };
  if (service.prefetch === undefined || Object.keys(service.prefetch).length === 0) {
    const repo = ehrRepository(input);
    try {
      return await contextFromEverything(repo, patientId);
    } finally {
      await repo.close().catch(() => undefined);
    }
  }
  const resolved = await resolvePrefetch({ ...input, templates: service.prefetch });
  return contextFromPrefetch(patientId, resolved.values.values());
}

function agentOf(caller: CdsCaller, context: Record<string, unknown>): AuditAgent {
  const user = typeof context['userId'] === 'string' ? context['userId'] : null;
  const client = caller.clientId ?? caller.issuer;
  return {
    who: user ?? (client ? `client:${client}` : 'client:unauthenticated'),
    ...(client ? { clientId: client } : {}),
  };
}

/** Runs one hook call: validate, resolve prefetch (or fetch from fhirServer), build the patient context, call the
 * service, finish the cards, and record the access and one Provenance per card. */
export async function invokeService(options: InvokeOptions): Promise<SpecServiceResponse> {
  const { service, request, context } = parseCall(options.registry, options.serviceId, options.body);
  const agent = agentOf(options.caller, context);
  const patientRef = typeof context['patientId'] === 'string' ? `Patient/${context['patientId']}` : undefined;
  const access = (outcome: 'success' | 'failure', detail?: string): void => {
    options.audit?.access({
      agent,
      ...(patientRef ? { patient: patientRef } : {}),
      action: 'execute',
      what: `cds-services/${service.id}`,
      purpose: 'TREAT',
      outcome,
      ...(detail ? { detail } : {}),
    });
  };
  try {
    const patient = await patientFor(service, request, context, options.ehr);
    const orders = draftOrders(context);
    const result = await service.handle({
      hook: service.hook,
      hookInstance: request.hookInstance,
      context,
      patient,
      draftOrders: orders,
      selections: Array.isArray(context['selections']) ? (context['selections'] as string[]) : [],
      baseUrl: options.baseUrl,
    });
    const { response, cards } = finishResult(service.id, result);
    access('success');
    for (const finished of cards) {
      options.ledger.remember(finished.card.uuid, { serviceId: service.id, kind: finished.kind });
      options.audit?.provenance({
        agent,
        engine: { id: service.id, version: service.version ?? options.defaultVersion },
        inputs: finished.inputs.length > 0 ? finished.inputs : patientRef ? [patientRef] : [],
        target: `cds-card/${finished.card.uuid}`,
        ...(patientRef ? { patient: patientRef } : {}),
      });
    }
    return response;
  } catch (err) {
    access('failure', err instanceof AppError ? err.code : 'VITALIS_INTERNAL');
    throw err;
  }
}

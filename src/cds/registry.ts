import { AppError } from '../core/errors.js';
import { HookSchema, type CdsService } from './contract.js';
import { assertPrefetchTemplates } from './prefetch-template.js';
import type { SpecDiscoveryResponse } from './spec-schemas.js';

const SERVICE_ID = /^[A-Za-z0-9._~-]{1,64}$/;

/** The CDS services Vitalis offers, checked once: unique URL-safe ids, known hooks, spec-valid prefetch templates. */
export interface CdsRegistry {
  services: readonly CdsService[];
  get(id: string): CdsService | undefined;
  /** The body of `GET /cds-services`. */
  discovery(): SpecDiscoveryResponse;
}

/** Creates the registry; throws VITALIS_CONFIG naming the service when one is invalid. */
export function createCdsRegistry(services: readonly CdsService[]): CdsRegistry {
  const byId = new Map<string, CdsService>();
  for (const service of services) {
    if (!SERVICE_ID.test(service.id)) {
      throw new AppError('VITALIS_CONFIG', `CDS service id ${JSON.stringify(service.id)} is not URL-safe`);
    }
    if (byId.has(service.id)) {
      throw new AppError('VITALIS_CONFIG', `CDS service id ${service.id} is registered twice`);
    }
    if (!HookSchema.safeParse(service.hook).success) {
      throw new AppError('VITALIS_CONFIG', `CDS service ${service.id}: unsupported hook ${service.hook}`);
    }
    if (service.description.trim() === '' || service.title.trim() === '') {
      throw new AppError('VITALIS_CONFIG', `CDS service ${service.id}: title and description are required`);
    }
    assertPrefetchTemplates(service.id, service.hook, service.prefetch ?? {});
    byId.set(service.id, service);
  }
  const body: SpecDiscoveryResponse = {
    services: services.map((s) => ({
      hook: s.hook,
      title: s.title,
      description: s.description,
      id: s.id,
      ...(s.prefetch && Object.keys(s.prefetch).length > 0 ? { prefetch: { ...s.prefetch } } : {}),
      ...(s.usageRequirements ? { usageRequirements: s.usageRequirements } : {}),
    })),
  };
  return {
    services: [...services],
    get: (id) => byId.get(id),
    discovery: () => body,
  };
}

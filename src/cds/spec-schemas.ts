import { z } from 'zod';

// Our schema of CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/) responses, written from the specification text.
// Every response Vitalis sends is checked against it in tests; `cdsJsonSchemas()` exports it as JSON Schema.
// The spec forbids null and empty JSON elements (except an empty `cards` array), so strings and arrays are non-empty.

const text = z.string().min(1);
const absoluteUrl = z.url({ protocol: /^https?$/ });

/** Coding: `system` and `code` required (CDS Hooks 2.0 §Coding). */
export const SpecCodingSchema = z.strictObject({ system: text, code: text, display: text.optional() });

export const SpecSourceSchema = z.strictObject({
  label: text,
  url: absoluteUrl.optional(),
  icon: absoluteUrl.optional(),
  topic: SpecCodingSchema.optional(),
});

const ResourceSchema = z.looseObject({ resourceType: text });

export const SpecActionSchema = z
  .strictObject({
    type: z.enum(['create', 'update', 'delete']),
    description: text,
    resource: ResourceSchema.optional(),
    resourceId: z.array(text).min(1).optional(),
  })
  .refine((a) => a.type === 'delete' || a.resource !== undefined, {
    message: 'create and update actions carry the whole resource',
  })
  .refine((a) => a.type !== 'delete' || a.resource === undefined, {
    message: 'delete actions name resources by resourceId, not resource',
  });

export const SpecSuggestionSchema = z.strictObject({
  label: text,
  uuid: z.uuid(),
  isRecommended: z.boolean().optional(),
  actions: z.array(SpecActionSchema).min(1).optional(),
});

export const SpecLinkSchema = z
  .strictObject({
    label: text,
    url: absoluteUrl,
    type: z.enum(['absolute', 'smart']),
    appContext: text.optional(),
  })
  .refine((l) => l.type === 'smart' || l.appContext === undefined, {
    message: 'appContext is only valid for smart links',
  });

export const SpecCardSchema = z
  .strictObject({
    uuid: z.uuid(),
    summary: text.max(139),
    detail: text.optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: SpecSourceSchema,
    suggestions: z.array(SpecSuggestionSchema).min(1).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z
      .array(SpecCodingSchema.extend({ display: text }))
      .min(1)
      .optional(),
    links: z.array(SpecLinkSchema).min(1).optional(),
  })
  .refine((c) => c.suggestions === undefined || c.selectionBehavior !== undefined, {
    message: 'selectionBehavior is required when suggestions are present',
  });

/** The response of `POST /cds-services/{id}`. */
export const SpecServiceResponseSchema = z.strictObject({
  cards: z.array(SpecCardSchema),
  systemActions: z.array(SpecActionSchema).min(1).optional(),
});

/** One service in discovery. */
export const SpecServiceSchema = z.strictObject({
  hook: text,
  title: text.optional(),
  description: text,
  id: z.string().regex(/^[A-Za-z0-9._~-]{1,64}$/),
  prefetch: z.record(text, text).optional(),
  usageRequirements: text.optional(),
});

/** The response of `GET /cds-services`. */
export const SpecDiscoveryResponseSchema = z.strictObject({ services: z.array(SpecServiceSchema) });

export type SpecCard = z.infer<typeof SpecCardSchema>;
export type SpecServiceResponse = z.infer<typeof SpecServiceResponseSchema>;
export type SpecDiscoveryResponse = z.infer<typeof SpecDiscoveryResponseSchema>;

/** The discovery and service-response schemas as JSON Schema (draft 2020-12), for EHR integrators. */
export function cdsJsonSchemas(): Record<'discovery' | 'serviceResponse', unknown> {
  return {
    discovery: z.toJSONSchema(SpecDiscoveryResponseSchema, { unrepresentable: 'any' }),
    serviceResponse: z.toJSONSchema(SpecServiceResponseSchema, { unrepresentable: 'any' }),
  };
}

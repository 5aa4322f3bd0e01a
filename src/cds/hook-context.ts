import { z } from 'zod';
import type { Hook } from './contract.js';

// Context fields of each hook, from the CDS Hooks hook definitions (patient-view 1.0, order-select 1.0, order-sign 1.1,
// encounter-start 1.0, encounter-discharge 1.0; https://cds-hooks.org/hooks/). Unknown extra fields are kept.

const userId = z.string().regex(/^(Practitioner|PractitionerRole|Patient|RelatedPerson)\/[A-Za-z0-9\-.]{1,64}$/, {
  message: 'userId must be a reference such as Practitioner/123',
});
const id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, { message: 'must be a FHIR id' });

/** A FHIR Bundle of draft orders as the order hooks carry them. */
export const DraftOrdersSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z
    .array(
      z.looseObject({
        resource: z.looseObject({ resourceType: z.string().min(1), id: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

const patientView = z.looseObject({ userId, patientId: id, encounterId: id.optional() });
const orderSelect = z
  .looseObject({
    userId,
    patientId: id,
    encounterId: id.optional(),
    selections: z.array(z.string().min(1)).min(1),
    draftOrders: DraftOrdersSchema,
  })
  .refine(
    (c) => {
      const drafts = new Set(
        (c.draftOrders.entry ?? []).map((e) => `${e.resource?.resourceType ?? ''}/${e.resource?.id ?? ''}`),
      );
      return c.selections.every((s) => drafts.has(s));
    },
    { message: 'each selection must name an order in draftOrders (Type/id)', path: ['selections'] },
  );
const orderSign = z.looseObject({ userId, patientId: id, encounterId: id.optional(), draftOrders: DraftOrdersSchema });
const encounter = z.looseObject({ userId, patientId: id, encounterId: id });

/** The zod schema of each hook's `context` object. */
export const HOOK_CONTEXT_SCHEMAS: Record<Hook, z.ZodType<Record<string, unknown>>> = {
  'patient-view': patientView,
  'order-select': orderSelect,
  'order-sign': orderSign,
  'encounter-start': encounter,
  'encounter-discharge': encounter,
};

/** Root-level primitive context fields of each hook: the only `{{context.x}}` prefetch tokens a template may use. */
export const HOOK_PRIMITIVE_FIELDS: Record<Hook, readonly string[]> = {
  'patient-view': ['userId', 'patientId', 'encounterId'],
  'order-select': ['userId', 'patientId', 'encounterId'],
  'order-sign': ['userId', 'patientId', 'encounterId'],
  'encounter-start': ['userId', 'patientId', 'encounterId'],
  'encounter-discharge': ['userId', 'patientId', 'encounterId'],
};

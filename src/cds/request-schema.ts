import { z } from 'zod';

/** `fhirAuthorization` of a hook request: an OAuth 2.0 bearer token for `fhirServer` (CDS Hooks 2.0 §FHIR resource access). */
export const FhirAuthorizationSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().nonnegative(),
  scope: z.string().min(1),
  subject: z.string().min(1),
  patient: z.string().optional(),
});

const PrefetchValueSchema = z.union([z.null(), z.looseObject({ resourceType: z.string().min(1) })]);

/** The body of `POST /cds-services/{id}` (CDS Hooks 2.0 §HTTP Request). */
export const CdsRequestSchema = z
  .looseObject({
    hook: z.string().min(1),
    hookInstance: z.string().min(1).max(128),
    fhirServer: z.url({ protocol: /^https?$/ }).optional(),
    fhirAuthorization: FhirAuthorizationSchema.optional(),
    context: z.record(z.string(), z.unknown()),
    prefetch: z.record(z.string(), PrefetchValueSchema).optional(),
  })
  .refine((r) => r.fhirAuthorization === undefined || r.fhirServer !== undefined, {
    message: 'fhirAuthorization requires fhirServer',
    path: ['fhirAuthorization'],
  });

export type CdsRequest = z.infer<typeof CdsRequestSchema>;
export type FhirAuthorization = z.infer<typeof FhirAuthorizationSchema>;

const FeedbackCodingSchema = z.looseObject({
  system: z.string().optional(),
  code: z.string().min(1),
  display: z.string().optional(),
});

/** One feedback item (CDS Hooks 2.0 §Feedback). */
export const FeedbackItemSchema = z
  .looseObject({
    card: z.string().min(1).max(128),
    outcome: z.enum(['accepted', 'overridden']),
    acceptedSuggestions: z.array(z.looseObject({ id: z.string().min(1) })).optional(),
    overrideReason: z
      .looseObject({ reason: FeedbackCodingSchema.optional(), userComment: z.string().max(2000).optional() })
      .optional(),
    outcomeTimestamp: z.iso.datetime({ offset: true }),
  })
  .refine((f) => f.outcome === 'accepted' || f.acceptedSuggestions === undefined, {
    message: 'acceptedSuggestions is only valid with outcome accepted',
    path: ['acceptedSuggestions'],
  });

/** The body of `POST /cds-services/{id}/feedback`. */
export const FeedbackRequestSchema = z.looseObject({ feedback: z.array(FeedbackItemSchema).min(1).max(1000) });

export type FeedbackItem = z.infer<typeof FeedbackItemSchema>;

import { AppError } from '../core/errors.js';
import type { CardLedger } from './card-ledger.js';
import type { CdsCaller } from './caller.js';
import type { FeedbackRecord } from './feedback-stats.js';
import type { FeedbackStore } from './feedback-store.js';
import type { CdsRegistry } from './registry.js';
import { FeedbackRequestSchema } from './request-schema.js';

/** What one feedback call needs. */
export interface FeedbackOptions {
  registry: CdsRegistry;
  serviceId: string;
  body: unknown;
  caller: CdsCaller;
  ledger: CardLedger;
  store: FeedbackStore;
}

/**
 * Validates and stores `POST /cds-services/{id}/feedback` (CDS Hooks 2.0 §Feedback): each item is attributed to the
 * card's kind through the ledger of sent cards. Returns how many items were stored.
 */
export async function recordFeedback(options: FeedbackOptions): Promise<number> {
  const service = options.registry.get(options.serviceId);
  if (!service) {
    throw new AppError('VITALIS_NOT_FOUND', 'No CDS service with this id; see GET /cds-services');
  }
  const parsed = FeedbackRequestSchema.safeParse(options.body);
  if (!parsed.success) {
    const paths = [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)'))];
    throw new AppError('VITALIS_BAD_REQUEST', `Invalid CDS Hooks feedback: ${paths.slice(0, 10).join(', ')}`);
  }
  const records: FeedbackRecord[] = parsed.data.feedback.map((item) => {
    const issued = options.ledger.lookup(item.card);
    if (issued && issued.serviceId !== service.id) {
      throw new AppError('VITALIS_BAD_REQUEST', `Card ${item.card} was not sent by service ${service.id}`);
    }
    const reason = item.overrideReason?.reason;
    return {
      serviceId: service.id,
      kind: issued?.kind ?? 'unknown',
      card: item.card,
      outcome: item.outcome,
      overrideReason: reason
        ? {
            code: reason.code,
            ...(reason.system ? { system: reason.system } : {}),
            ...(reason.display ? { display: reason.display } : {}),
          }
        : null,
      hasComment: (item.overrideReason?.userComment ?? '') !== '',
      acceptedSuggestions: item.acceptedSuggestions?.length ?? 0,
      outcomeTimestamp: item.outcomeTimestamp,
      clientId: options.caller.clientId ?? options.caller.issuer,
    };
  });
  await options.store.add(records);
  return records.length;
}

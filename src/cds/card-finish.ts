import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { CardDraftSchema, CdsActionSchema, type CardDraft, type CdsServiceResult } from './contract.js';
import { SpecServiceResponseSchema, type SpecCard, type SpecServiceResponse } from './spec-schemas.js';

/** A card ready to send, with the kind and inputs its service gave it (kept server-side). */
export interface FinishedCard {
  card: SpecCard;
  kind: string;
  inputs: string[];
}

const ResultSchema = z.object({
  cards: z.array(CardDraftSchema),
  systemActions: z.array(CdsActionSchema).optional(),
});

function finishCard(draft: CardDraft): FinishedCard {
  const { kind, inputs, suggestions, links, selectionBehavior, overrideReasons, ...rest } = draft;
  const withIds = suggestions?.map((s) => ({ ...s, uuid: s.uuid ?? randomUUID() }));
  const cleanLinks = links?.map((l) => {
    if (l.type === 'absolute') {
      // appContext is not valid on absolute links (CDS Hooks 2.0 §Link).
      return { label: l.label, url: l.url, type: l.type };
    }
    return l;
  });
  const card = {
    uuid: randomUUID(),
    ...rest,
    ...(withIds && withIds.length > 0
      ? { suggestions: withIds, selectionBehavior: selectionBehavior ?? 'at-most-one' }
      : {}),
    ...(overrideReasons && overrideReasons.length > 0 ? { overrideReasons } : {}),
    ...(cleanLinks && cleanLinks.length > 0 ? { links: cleanLinks } : {}),
  } as SpecCard;
  return { card, kind, inputs: inputs ?? [] };
}

/**
 * Turns a service's result into the spec response: validates the drafts, gives every card and suggestion a uuid,
 * strips Vitalis-only fields and checks the result against our CDS Hooks 2.0 schema. A service that breaks the
 * contract is a bug: VITALIS_INTERNAL naming the service.
 */
export function finishResult(
  serviceId: string,
  result: CdsServiceResult,
): { response: SpecServiceResponse; cards: FinishedCard[] } {
  const parsed = ResultSchema.safeParse(result);
  if (!parsed.success) {
    throw new AppError('VITALIS_INTERNAL', `CDS service ${serviceId} returned an invalid card`, {
      cause: parsed.error,
    });
  }
  const cards = parsed.data.cards.map(finishCard);
  const actions = parsed.data.systemActions ?? [];
  const response = { cards: cards.map((c) => c.card), ...(actions.length > 0 ? { systemActions: actions } : {}) };
  const checked = SpecServiceResponseSchema.safeParse(response);
  if (!checked.success) {
    throw new AppError('VITALIS_INTERNAL', `CDS service ${serviceId} returned a response outside CDS Hooks 2.0`, {
      cause: checked.error,
    });
  }
  return { response: checked.data, cards };
}

import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { finishResult } from './card-finish.js';
import type { CardDraft } from './contract.js';
import { cdsJsonSchemas, SpecServiceResponseSchema } from './spec-schemas.js';

const source = { label: 'Vitalis', url: 'http://127.0.0.1:8080/', topic: { system: 'urn:t', code: 't' } };

describe('finishResult', () => {
  it('adds uuids, defaults selectionBehavior, strips Vitalis-only fields and appContext on absolute links', () => {
    const draft: CardDraft = {
      kind: 'rule-1',
      inputs: ['Condition/1/_history/1'],
      summary: 'Check this',
      indicator: 'warning',
      source,
      suggestions: [
        { label: 'Stop', actions: [{ type: 'delete', description: 'Remove', resourceId: ['MedicationRequest/1'] }] },
      ],
      links: [{ label: 'Ref', url: 'https://example.org/', type: 'absolute', appContext: 'x' }],
      overrideReasons: [],
    };
    const { response, cards } = finishResult('svc', { cards: [draft] });
    const card = response.cards[0];
    expect(card?.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card?.suggestions?.[0]?.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(card?.selectionBehavior).toBe('at-most-one');
    expect(card?.links?.[0]).toEqual({ label: 'Ref', url: 'https://example.org/', type: 'absolute' });
    expect(card).not.toHaveProperty('kind');
    expect(card).not.toHaveProperty('inputs');
    expect(card).not.toHaveProperty('overrideReasons');
    expect(cards[0]).toMatchObject({ kind: 'rule-1', inputs: ['Condition/1/_history/1'] });
    expect(SpecServiceResponseSchema.safeParse(response).success).toBe(true);
    expect(finishResult('svc', { cards: [] }).response).toEqual({ cards: [] });
  });

  it('treats a card outside the contract as a service bug (500), naming the service', () => {
    const long = { kind: 'k', summary: 'x'.repeat(140), indicator: 'info', source } as CardDraft;
    const noDisplay = {
      kind: 'k',
      summary: 's',
      indicator: 'info',
      source,
      overrideReasons: [{ system: 'urn:x', code: 'a' }],
    } as unknown as CardDraft;
    const badAction = {
      kind: 'k',
      summary: 's',
      indicator: 'info',
      source,
      suggestions: [{ label: 'l', actions: [{ type: 'create', description: 'd' }] }],
    } as CardDraft;
    for (const card of [long, noDisplay, badAction]) {
      try {
        finishResult('svc-x', { cards: [card] });
        expect.unreachable();
      } catch (err) {
        expect(isAppError(err, 'VITALIS_INTERNAL')).toBe(true);
        expect((err as Error).message).toContain('svc-x');
      }
    }
  });

  it('exports the response schemas as JSON Schema', () => {
    const schemas = cdsJsonSchemas() as { serviceResponse: { properties: Record<string, unknown> } };
    expect(Object.keys(schemas.serviceResponse.properties)).toEqual(['cards', 'systemActions']);
  });
});

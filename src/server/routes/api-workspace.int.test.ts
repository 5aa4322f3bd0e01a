import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/index.js';
import { demoAnchorFor } from '../seed.js';
import { fetchJson } from '../test-support/http.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface CardsBody {
  patient: string;
  services: string[];
  errors: { serviceId: string; message: string }[];
  cards: {
    serviceId: string;
    card: {
      uuid: string;
      summary: string;
      indicator: string;
      overrideReasons?: { system: string; code: string; display: string }[];
    };
    feedback: { outcome: string; overrideReason: string | null } | null;
  }[];
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('workspace cards API over HTTP (pglite)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 7, seed: 42, anchorDate: demoAnchorFor(new Date()) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs the patient-view services in-process and returns spec cards with stable uuids', async () => {
    const first = await fetchJson<CardsBody>(`${server.url}/api/patients/showcase-sepsis/cards`);
    expect(first.status).toBe(200);
    expect(first.body.errors).toEqual([]);
    expect(first.body.services).toContain('vitalis-patient-summary');
    expect(first.body.cards.map((c) => c.serviceId)).toContain('vitalis-score-alerts');
    expect(first.body.cards.every((c) => c.feedback === null)).toBe(true);
    const again = await fetchJson<CardsBody>(`${server.url}/api/patients/showcase-sepsis/cards`);
    expect(again.body.cards.map((c) => c.card.uuid)).toEqual(first.body.cards.map((c) => c.card.uuid));
  });

  it('records accept and override as CDS feedback, shows them on the cards, and counts them in the stats', async () => {
    const { body } = await fetchJson<CardsBody>(`${server.url}/api/patients/showcase-sepsis/cards`);
    const [accepted, overridden] = body.cards;
    if (!accepted || !overridden) throw new Error('expected at least two cards for showcase-sepsis');
    const ok = await fetchJson(
      `${server.url}/api/patients/showcase-sepsis/cards/${accepted.card.uuid}/feedback`,
      post({ outcome: 'accepted' }),
    );
    expect(ok.status).toBe(200);
    const reason = overridden.card.overrideReasons?.[0] ?? {
      system: 'https://example.org',
      code: 'other',
      display: 'Other',
    };
    const over = await fetchJson<{ outcome: string; overrideReason: string }>(
      `${server.url}/api/patients/showcase-sepsis/cards/${overridden.card.uuid}/feedback`,
      post({ outcome: 'overridden', overrideReason: reason }),
    );
    expect(over.status).toBe(200);
    expect(over.body.overrideReason).toBe(reason.display);

    const after = await fetchJson<CardsBody>(`${server.url}/api/patients/showcase-sepsis/cards`);
    const state = new Map(after.body.cards.map((c) => [c.card.uuid, c.feedback?.outcome ?? null]));
    expect(state.get(accepted.card.uuid)).toBe('accepted');
    expect(state.get(overridden.card.uuid)).toBe('overridden');

    const stats = await fetchJson<{ total: number }>(`${server.url}/api/cds/feedback/stats`);
    expect(stats.body.total).toBeGreaterThanOrEqual(2);
  });

  it('turns the medication alerts of the active list into cards (warfarin + NSAID interaction)', async () => {
    const { body } = await fetchJson<CardsBody>(`${server.url}/api/patients/showcase-warfarin-nsaid/cards`);
    const meds = body.cards.filter((c) => c.serviceId === 'vitalis-workspace-meds-review');
    expect(meds.map((c) => c.card.summary).join(' | ')).toMatch(/warfarin.*naproxen|naproxen.*warfarin/i);
    expect(meds.every((c) => c.feedback === null)).toBe(true);
  });

  it('refuses feedback for an unknown card or an invalid body', async () => {
    const unknown = await fetchJson(
      `${server.url}/api/patients/showcase-sepsis/cards/00000000-0000-4000-8000-000000000000/feedback`,
      post({ outcome: 'accepted' }),
    );
    expect(unknown.status).toBe(404);
    const { body } = await fetchJson<CardsBody>(`${server.url}/api/patients/showcase-sepsis/cards`);
    const uuid = body.cards[0]?.card.uuid ?? '';
    const wrongPatient = await fetchJson(
      `${server.url}/api/patients/showcase-warfarin-nsaid/cards/${uuid}/feedback`,
      post({ outcome: 'accepted' }),
    );
    expect(wrongPatient.status).toBe(404);
    const bad = await fetchJson(
      `${server.url}/api/patients/showcase-sepsis/cards/${uuid}/feedback`,
      post({ outcome: 'maybe' }),
    );
    expect(bad.status).toBe(400);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCardLedger } from './card-ledger.js';

describe('card ledger', () => {
  it('remembers cards by uuid, whatever the case the EHR echoes it in', () => {
    const ledger = createCardLedger();
    const uuid = randomUUID();
    ledger.remember(uuid, { serviceId: 's', kind: 'k' });
    expect(ledger.lookup(uuid)).toEqual({ serviceId: 's', kind: 'k' });
    expect(ledger.lookup(uuid.toUpperCase())).toEqual({ serviceId: 's', kind: 'k' });
    expect(ledger.lookup(randomUUID())).toBeUndefined();
  });

  it('forgets the oldest cards beyond its capacity', () => {
    const ledger = createCardLedger(3);
    const uuids = Array.from({ length: 5 }, () => randomUUID());
    uuids.forEach((u, i) => {
      ledger.remember(u, { serviceId: 's', kind: `k${String(i % 2)}` });
    });
    expect(ledger.size).toBe(3);
    expect(uuids.map((u) => ledger.lookup(u)?.kind ?? null)).toEqual([null, null, 'k0', 'k1', 'k0']);
  });

  it('shares one record per service and kind instead of one per card', () => {
    const ledger = createCardLedger();
    const [a, b] = [randomUUID(), randomUUID()];
    ledger.remember(a, { serviceId: 's', kind: 'k' });
    ledger.remember(b, { serviceId: 's', kind: 'k' });
    expect(ledger.lookup(a)).toBe(ledger.lookup(b));
  });
});

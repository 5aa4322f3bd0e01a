/** What Vitalis remembers about a card it sent, to attribute feedback to a service and a card kind. */
export interface IssuedCard {
  serviceId: string;
  kind: string;
}

/** A bounded in-memory map from card uuid to its service and kind (oldest entries are forgotten first). */
export interface CardLedger {
  remember(uuid: string, card: IssuedCard): void;
  lookup(uuid: string): IssuedCard | undefined;
  readonly size: number;
}

/** Creates a ledger holding at most `capacity` cards (default 200,000, a few tens of MB at most). */
export function createCardLedger(capacity = 200_000): CardLedger {
  const cards = new Map<string, IssuedCard>();
  return {
    remember(uuid, card) {
      cards.set(uuid, card);
      if (cards.size > capacity) {
        const oldest = cards.keys().next();
        if (!oldest.done) {
          cards.delete(oldest.value);
        }
      }
    },
    lookup: (uuid) => cards.get(uuid),
    get size() {
      return cards.size;
    },
  };
}

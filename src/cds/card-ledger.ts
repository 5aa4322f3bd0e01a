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

/**
 * Creates a ledger holding at most `capacity` cards (default 200,000: about 20 MB when full). Keys are stored as flat
 * lower-case strings (a `randomUUID()` string is a rope of ~500 bytes until flattened; lower case also matches a uuid
 * an EHR echoes in upper case), and the service/kind pairs are shared, so an entry costs about 100 bytes.
 */
export function createCardLedger(capacity = 200_000): CardLedger {
  const cards = new Map<string, IssuedCard>();
  const kinds = new Map<string, IssuedCard>();
  const shared = (card: IssuedCard): IssuedCard => {
    const key = `${card.serviceId}\u0000${card.kind}`;
    let found = kinds.get(key);
    if (!found) {
      found = Object.freeze({ serviceId: card.serviceId, kind: card.kind });
      kinds.set(key, found);
    }
    return found;
  };
  return {
    remember(uuid, card) {
      cards.set(uuid.toLowerCase(), shared(card));
      if (cards.size > capacity) {
        const oldest = cards.keys().next();
        if (!oldest.done) {
          cards.delete(oldest.value);
        }
      }
    },
    lookup: (uuid) => cards.get(uuid.toLowerCase()),
    get size() {
      return cards.size;
    },
  };
}

/** Remembers JWT ids until their token expires, so a token is accepted once only. */
export interface ReplayCache {
  /** Returns false when the id was already seen (a replay); otherwise remembers it until `expiresAtMs`. */
  claim(id: string, expiresAtMs: number): boolean;
  readonly size: number;
}

/** A bounded replay cache: expired ids are swept as new ones arrive; beyond `capacity` the oldest are dropped. */
export function createReplayCache(capacity = 500_000, now: () => number = Date.now): ReplayCache {
  const seen = new Map<string, number>();
  let lastSweep = 0;
  const sweep = (t: number): void => {
    for (const [id, expires] of seen) {
      if (expires <= t) {
        seen.delete(id);
      }
    }
    lastSweep = t;
  };
  return {
    claim(id, expiresAtMs) {
      const t = now();
      if (t - lastSweep > 10_000 || seen.size >= capacity) {
        sweep(t);
      }
      const known = seen.get(id);
      if (known !== undefined && known > t) {
        return false;
      }
      seen.set(id, expiresAtMs);
      while (seen.size > capacity) {
        const oldest = seen.keys().next();
        if (oldest.done) {
          break;
        }
        seen.delete(oldest.value);
      }
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}

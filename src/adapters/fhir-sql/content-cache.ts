/**
 * A bounded cache of resource JSON texts keyed by version (`rid:versionId`). A key names one immutable
 * version (a new version gets a new version id), so a hit can never be stale: the caller lists
 * the current keys from the database first and only uses texts of exactly those versions.
 */
const MAX_RECORDS = 100_000;

export class ContentCache {
  private readonly texts = new Map<string, string>();
  private chars = 0;
  private readonly records = new Set<string>();

  /** @param maxChars total size of the cached texts, in characters (oldest used entries are dropped first). */
  constructor(private readonly maxChars = 64 * 1024 * 1024) {}

  /** The text of a version, if cached (and marks it recently used). */
  get(key: string): string | undefined {
    const text = this.texts.get(key);
    if (text !== undefined) {
      this.texts.delete(key);
      this.texts.set(key, text);
    }
    return text;
  }

  /** Caches the text of a version. */
  set(key: string, text: string): void {
    const old = this.texts.get(key);
    if (old !== undefined) {
      this.chars -= old.length;
      this.texts.delete(key);
    }
    if (text.length > this.maxChars) {
      return;
    }
    this.texts.set(key, text);
    this.chars += text.length;
    for (const [k, t] of this.texts) {
      if (this.chars <= this.maxChars) {
        break;
      }
      this.texts.delete(k);
      this.chars -= t.length;
    }
  }

  /** True when the record of this patient was read through the cache before (its texts may be cached). */
  hasRecord(patientId: string): boolean {
    return this.records.has(patientId);
  }

  /** Notes that the record of this patient was read (bounded; forgetting only costs one key query less). */
  addRecord(patientId: string): void {
    if (this.records.size >= MAX_RECORDS) {
      this.records.clear();
    }
    this.records.add(patientId);
  }

  /** Number of cached versions. */
  get size(): number {
    return this.texts.size;
  }
}

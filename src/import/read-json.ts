import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import { BatchBuilder } from './batch-builder.js';
import type { ImportFile } from './discover.js';
import { makeIdempotent } from './idempotent.js';
import { JsonObjectScanner, JsonScanError, type JsonScanHandler } from './json-scanner.js';
import { fileFailure, jsonErrorReason, openSource, readErrorReason, type ReaderContext } from './source.js';
import type { ImportUnit } from './types.js';

/** A problem that makes a whole .json file unusable, with where it was found. */
class ImportFileError extends Error {
  constructor(
    readonly location: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Bundle types whose entries are stored one by one, as `PUT Type/id`. */
const COLLECTION_TYPES = new Set(['collection', 'searchset', 'document', 'message']);

function parseEntry(text: string, index: number): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportFileError(`entry[${index}]`, `${jsonErrorReason(err)}; nothing from this file was imported`);
  }
}

function parseString(key: string, text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ImportFileError(key, jsonErrorReason(err));
  }
  if (typeof value !== 'string') {
    throw new ImportFileError(key, `${key} must be a string`);
  }
  return value;
}

/**
 * Decides what a .json file is from its `resourceType` and `type` members, then routes entries: a transaction is
 * collected whole (all-or-nothing), batch and collection entries stream out in batches, and any other resource is
 * assembled and stored as one resource.
 */
class JsonFileCollector implements JsonScanHandler {
  private mode: 'unknown' | 'transaction' | 'batch' | 'collection' | 'resource' = 'unknown';
  private resourceType: string | undefined;
  private typeText: string | undefined;
  private members: [string, string][] = [];
  private pending: { text: string; index: number }[] = [];
  private readonly txEntries: BundleEntry[] = [];
  private readonly builder: BatchBuilder;

  constructor(
    private readonly file: string,
    batchSize: number,
  ) {
    this.builder = new BatchBuilder(file, batchSize);
  }

  member(key: string, valueText: string): void {
    if (key === 'resourceType') {
      this.resourceType = parseString(key, valueText);
    } else if (key === 'type') {
      this.typeText = valueText; // parsed only once the file is known to be a Bundle
    }
    if (this.mode === 'unknown' || this.mode === 'resource') {
      this.members.push([key, valueText]);
    }
    this.decide();
  }

  entry(valueText: string, index: number): void {
    if (this.mode === 'unknown' || this.mode === 'resource') {
      this.pending.push({ text: valueText, index });
    } else {
      this.handleEntry(valueText, index);
    }
  }

  /** Units ready to write. */
  take(): ImportUnit[] {
    return this.builder.take();
  }

  /** Called after the whole file was scanned; returns the remaining units. */
  finish(): ImportUnit[] {
    switch (this.mode) {
      case 'unknown':
        throw new ImportFileError(
          'file',
          this.resourceType === undefined ? 'Not a FHIR resource: no resourceType' : 'Bundle has no type',
        );
      case 'resource':
        this.builder.addResource(this.assemble(), 'resource');
        break;
      case 'transaction': {
        const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: this.txEntries };
        makeIdempotent(bundle);
        const resources = this.txEntries.filter((e) => e.resource !== undefined).length;
        return [{ kind: 'transaction', file: this.file, bundle, resources }];
      }
      case 'batch':
      case 'collection':
        break;
    }
    this.builder.flush();
    return this.builder.take();
  }

  /** After a failure: what was already accepted from a streamed Bundle is still written. */
  abort(): ImportUnit[] {
    if (this.mode === 'batch' || this.mode === 'collection') {
      this.builder.flush();
      return this.builder.take();
    }
    return [];
  }

  private decide(): void {
    if (this.mode !== 'unknown' || this.resourceType === undefined) {
      return;
    }
    if (this.resourceType !== 'Bundle') {
      this.mode = 'resource';
      return;
    }
    if (this.typeText === undefined) {
      return;
    }
    const type = parseString('type', this.typeText);
    if (type === 'transaction' || type === 'batch') {
      this.mode = type;
    } else if (COLLECTION_TYPES.has(type)) {
      this.mode = 'collection';
    } else {
      throw new ImportFileError('type', `A Bundle of type '${type.slice(0, 40)}' cannot be imported`);
    }
    this.members = [];
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) {
      this.handleEntry(p.text, p.index);
    }
  }

  private handleEntry(text: string, index: number): void {
    const location = `entry[${index}]`;
    if (this.mode === 'transaction') {
      const value = parseEntry(text, index);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ImportFileError(location, 'Bundle entry is not a JSON object; nothing from this file was imported');
      }
      this.txEntries.push(value);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      this.builder.reject(location, jsonErrorReason(err));
      return;
    }
    if (this.mode === 'batch') {
      this.builder.addEntry(value, location);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const entry = value as BundleEntry;
      this.builder.addResource(entry.resource, location, entry.fullUrl);
    } else {
      this.builder.reject(location, 'Bundle entry is not a JSON object');
    }
  }

  private assemble(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, text] of this.members) {
      try {
        out[key] = JSON.parse(text);
      } catch (err) {
        throw new ImportFileError(key, jsonErrorReason(err));
      }
    }
    if (this.pending.length > 0) {
      out['entry'] = this.pending.map((p) => parseEntry(p.text, p.index));
    }
    return out;
  }
}

/** Streams a .json file (Bundle or single resource) into import units; a malformed file becomes one rejection. */
export async function* readJsonFile(file: ImportFile, ctx: ReaderContext): AsyncGenerator<ImportUnit> {
  const collector = new JsonFileCollector(file.path, ctx.batchSize);
  const scanner = new JsonObjectScanner(collector);
  const input = openSource(file, ctx);
  try {
    const chunks: AsyncIterable<Buffer> = input;
    for await (const chunk of chunks) {
      scanner.push(chunk);
      yield* collector.take();
    }
    scanner.end();
    yield* collector.finish();
  } catch (err) {
    yield* collector.abort();
    if (err instanceof ImportFileError) {
      yield fileFailure(file.path, err.location, err.reason);
    } else if (err instanceof JsonScanError) {
      yield fileFailure(file.path, `byte ${err.offset}`, `Malformed JSON: ${err.message}`);
    } else {
      yield fileFailure(file.path, 'file', readErrorReason(err));
    }
  } finally {
    input.destroy();
  }
}

import type { Patient } from '@medplum/fhirtypes';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import { DeidEngine, type EngineOptions } from './engine.js';
import { loadDeidKey } from './keys.js';
import { knownFromPatient } from './known-from-fhir.js';
import { deriveSecret, FileMappingStore, MemoryMappingStore, type MappingStore } from './mapping-store.js';
import { SurrogateGenerator } from './surrogates.js';
import { applySpans, type Replacement } from './transform.js';
import type { DeidMode, KnownIdentifiers, PhiSpan } from './types.js';

/** The config keys the de-identification service reads. */
export type DeidConfig = Pick<
  Config,
  'dataDir' | 'deidKey' | 'deidKeyFile' | 'deidMappingDir' | 'deidRetentionHours' | 'deidBareYears' | 'deidDateMode'
>;

/** Options of one text de-identification. */
export interface DeidTextOptions {
  mode?: DeidMode;
  /** The FHIR Patient the text is about: its identifiers are found wherever they appear, and surrogates are per patient. */
  patient?: Patient;
  known?: KnownIdentifiers;
  /** Key for per-patient surrogates and date shift when no Patient is given. */
  patientKey?: string;
  /** Store a reversible mapping (surrogate mode only); default true in surrogate mode. */
  keepMapping?: boolean;
}

/** Result of de-identifying one text; spans are in UTF-16 code units of the input. */
export interface DeidTextResult {
  text: string;
  spans: PhiSpan[];
  mappingId?: string;
}

/** Loaded engine + surrogate secret + mapping store: what CLI, API and the LLM layer call. */
export class DeidService {
  constructor(
    readonly engine: DeidEngine,
    readonly store: MappingStore,
    private readonly secret: Buffer,
  ) {}

  /** The per-patient surrogate generator (same key -> same surrogates and date shift). */
  surrogates(patientKey: string): SurrogateGenerator {
    return new SurrogateGenerator(this.secret, patientKey);
  }

  /** HMAC pseudonym for an identifier (hex, 16 bytes), stable for this key. */
  pseudonym(value: string): string {
    return deriveSecret(this.secret, `id:${value}`).toString('hex').slice(0, 32);
  }

  /** Detects and transforms without storing a mapping; also returns the replacements made. */
  process(
    text: string,
    options: DeidTextOptions = {},
  ): DeidTextResult & { replacements: Replacement[]; patientKey: string } {
    const mode = options.mode ?? 'surrogate';
    const known = options.known ?? (options.patient ? knownFromPatient(options.patient) : undefined);
    const spans = this.engine.detect(text, known);
    const patientKey = options.patientKey ?? (options.patient?.id ? `Patient/${options.patient.id}` : 'anonymous');
    const surrogates = mode === 'surrogate' ? this.surrogates(patientKey) : undefined;
    const out = applySpans(text, spans, surrogates ? { mode, surrogates } : { mode });
    return { text: out.text, spans, replacements: out.replacements, patientKey };
  }

  /** Stores a reversible mapping (encrypted) and returns its id. */
  async saveMapping(patientKey: string, replacements: Replacement[]): Promise<string> {
    return (await this.store.save({ patientKey, replacements })).id;
  }

  /** De-identifies one text; in surrogate mode the reversible mapping is stored unless `keepMapping` is false. */
  async deidentify(text: string, options: DeidTextOptions = {}): Promise<DeidTextResult> {
    const r = this.process(text, options);
    if ((options.mode ?? 'surrogate') !== 'surrogate' || options.keepMapping === false) {
      return { text: r.text, spans: r.spans };
    }
    return { text: r.text, spans: r.spans, mappingId: await this.saveMapping(r.patientKey, r.replacements) };
  }

  /** Puts the original values back into text that contains surrogates from the given mapping. */
  async reidentify(text: string, mappingId: string): Promise<string> {
    const mapping = await this.store.load(mappingId);
    // Aggregated values ("90+") and tags map back to several originals: they are left as they are.
    const back = new Map<string, string | null>();
    for (const r of mapping.replacements) {
      if (r.replacement.trim() === '' || /^\[[A-Z_]+\]$/.test(r.replacement)) {
        continue;
      }
      const seen = back.get(r.replacement);
      back.set(r.replacement, seen === undefined || seen === r.original ? r.original : null);
    }
    for (const [k, v] of back) {
      if (v === null) {
        back.delete(k);
      }
    }
    if (back.size === 0) {
      return text;
    }
    const keys = [...back.keys()].sort((a, b) => b.length - a.length);
    const re = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    return text.replace(re, (m) => back.get(m) ?? m);
  }
}

/** Builds the service from config: key from VITALIS_DEID_KEY or VITALIS_DEID_KEY_FILE (encrypted file mappings), or an
 * in-memory store with a random key when neither is set. */
export function createDeidService(config: DeidConfig, engineOptions: EngineOptions = {}): DeidService {
  const key = loadDeidKey(config);
  const engine = new DeidEngine({ redactBareYears: config.deidBareYears === 'redact', ...engineOptions });
  if (key && config.deidMappingDir === undefined && config.dataDir.startsWith('memory://')) {
    return new DeidService(
      engine,
      new MemoryMappingStore(config.deidRetentionHours, key),
      deriveSecret(key, 'surrogates'),
    );
  }
  if (key) {
    const dir = config.deidMappingDir ?? join(config.dataDir, 'deid-mappings');
    const store = new FileMappingStore({ dir, key, retentionHours: config.deidRetentionHours });
    return new DeidService(engine, store, deriveSecret(key, 'surrogates'));
  }
  const memory = new MemoryMappingStore(config.deidRetentionHours);
  return new DeidService(engine, memory, deriveSecret(randomBytes(32), 'surrogates'));
}

/** The small port the LLM layer calls. */
export interface DeidPort {
  deidentify(
    text: string,
    options?: { patient?: Patient },
  ): Promise<{ text: string; spans: PhiSpan[]; mappingId: string }>;
  reidentify(text: string, mappingId: string): Promise<string>;
}

/** Wraps a service as the LLM layer's port (surrogate mode, mapping always stored). */
export function deidPort(service: DeidService): DeidPort {
  return {
    async deidentify(text, options = {}) {
      const r = await service.deidentify(text, {
        mode: 'surrogate',
        ...(options.patient ? { patient: options.patient } : {}),
      });
      if (r.mappingId === undefined) {
        throw new AppError('VITALIS_INTERNAL', 'De-identification did not store a mapping');
      }
      return { text: r.text, spans: r.spans, mappingId: r.mappingId };
    },
    reidentify: (text, mappingId) => service.reidentify(text, mappingId),
  };
}

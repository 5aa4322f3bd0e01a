import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { Replacement } from './transform.js';

/** A stored reversible mapping: surrogate text back to the original, plus the patient key it belongs to. */
export interface Mapping {
  id: string;
  patientKey: string;
  createdAt: string;
  expiresAt: string;
  replacements: Replacement[];
}

const MappingSchema = z.object({
  id: z.string(),
  patientKey: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  replacements: z.array(z.object({ category: z.string(), original: z.string(), replacement: z.string() })),
});

const Envelope = z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), data: z.string() });

/** Encrypts with AES-256-GCM; the mapping id is bound as additional authenticated data. */
export function sealMapping(key: Buffer, mapping: Mapping): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(mapping.id, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(mapping), 'utf8'), cipher.final()]);
  return JSON.stringify({
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  });
}

/** Decrypts and validates; a wrong key or tampered file throws VITALIS_FORBIDDEN (no content in the message). */
export function openMapping(key: Buffer, id: string, sealed: string): Mapping {
  try {
    const env = Envelope.parse(JSON.parse(sealed));
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(env.iv, 'base64'));
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(Buffer.from(env.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(env.data, 'base64')), decipher.final()]).toString('utf8');
    return MappingSchema.parse(JSON.parse(plain)) as Mapping;
  } catch (err) {
    throw new AppError(
      'VITALIS_FORBIDDEN',
      'The de-identification mapping cannot be decrypted with the configured key',
      { cause: err },
    );
  }
}

/** Derives the HMAC secret used for surrogates and pseudonyms from the mapping key (separate purpose). */
export function deriveSecret(key: Buffer, purpose: string): Buffer {
  return createHmac('sha256', key).update(`vitalis-deid:${purpose}`).digest();
}

/** Where mappings live; file and memory implementations. */
export interface MappingStore {
  save(mapping: Omit<Mapping, 'id' | 'createdAt' | 'expiresAt'>): Promise<Mapping>;
  load(id: string): Promise<Mapping>;
  /** Deletes expired mappings; returns how many were removed. */
  purge(now?: Date): Promise<number>;
}

const ID = /^[0-9a-f-]{36}$/;
const PURGE_EVERY_MS = 5 * 60_000;

function stamp(retentionHours: number, now = new Date()): { createdAt: string; expiresAt: string } {
  return {
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + retentionHours * 3_600_000).toISOString(),
  };
}

function checkId(id: string): void {
  if (!ID.test(id)) {
    throw new AppError('VITALIS_BAD_REQUEST', 'mappingId must be a UUID returned by de-identification');
  }
}

function expired(m: Mapping, now = new Date()): boolean {
  return Date.parse(m.expiresAt) <= now.getTime();
}

/** Encrypted files, one per mapping (`<dir>/<id>.vmap`), written atomically (temp file + rename). */
export class FileMappingStore implements MappingStore {
  constructor(private readonly options: { dir: string; key: Buffer; retentionHours: number }) {}

  private lastPurge = 0;

  async save(input: Omit<Mapping, 'id' | 'createdAt' | 'expiresAt'>): Promise<Mapping> {
    const mapping: Mapping = { id: randomUUID(), ...stamp(this.options.retentionHours), ...input };
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      // Retention: expired mappings are deleted as new ones are written (at most every few minutes).
      this.lastPurge = Date.now();
      await this.purge();
    }
    await mkdir(this.options.dir, { recursive: true, mode: 0o700 });
    const file = join(this.options.dir, `${mapping.id}.vmap`);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, sealMapping(this.options.key, mapping), { mode: 0o600 });
    await rename(tmp, file);
    return mapping;
  }

  async load(id: string): Promise<Mapping> {
    checkId(id);
    let sealed: string;
    try {
      sealed = await readFile(join(this.options.dir, `${id}.vmap`), 'utf8');
    } catch (err) {
      throw new AppError('VITALIS_NOT_FOUND', 'No de-identification mapping with that id (it may have expired)', {
        cause: err,
      });
    }
    const mapping = openMapping(this.options.key, id, sealed);
    if (expired(mapping)) {
      await rm(join(this.options.dir, `${id}.vmap`), { force: true });
      throw new AppError(
        'VITALIS_GONE',
        'The de-identification mapping has expired (see VITALIS_DEID_RETENTION_HOURS)',
      );
    }
    return mapping;
  }

  async purge(now = new Date()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.options.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.vmap'))) {
      const file = join(this.options.dir, name);
      const info = await stat(file);
      if (info.mtimeMs + this.options.retentionHours * 3_600_000 <= now.getTime()) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** In-process store with a random key (mappings vanish with the process); used when no key is configured. */
export class MemoryMappingStore implements MappingStore {
  private readonly sealed = new Map<string, string>();

  constructor(
    private readonly retentionHours = 24,
    readonly key: Buffer = randomBytes(32),
  ) {}

  private lastPurge = 0;

  async save(input: Omit<Mapping, 'id' | 'createdAt' | 'expiresAt'>): Promise<Mapping> {
    const mapping: Mapping = { id: randomUUID(), ...stamp(this.retentionHours), ...input };
    if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = Date.now();
      await this.purge();
    }
    this.sealed.set(mapping.id, sealMapping(this.key, mapping));
    return mapping;
  }

  load(id: string): Promise<Mapping> {
    checkId(id);
    const sealed = this.sealed.get(id);
    if (sealed === undefined) {
      return Promise.reject(
        new AppError('VITALIS_NOT_FOUND', 'No de-identification mapping with that id (it may have expired)'),
      );
    }
    const mapping = openMapping(this.key, id, sealed);
    if (expired(mapping)) {
      this.sealed.delete(id);
      return Promise.reject(new AppError('VITALIS_GONE', 'The de-identification mapping has expired'));
    }
    return Promise.resolve(mapping);
  }

  purge(now = new Date()): Promise<number> {
    let removed = 0;
    for (const [id, sealed] of this.sealed) {
      if (expired(openMapping(this.key, id, sealed), now)) {
        this.sealed.delete(id);
        removed++;
      }
    }
    return Promise.resolve(removed);
  }
}

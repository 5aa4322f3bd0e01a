import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ValidationRequest, ValidationResponse } from './validation-worker.js';

interface Pending {
  resolve: (valid: boolean[] | undefined) => void;
}

/** How long an idle worker is kept (it costs a definitions load to start one). */
const IDLE_MS = 3000;

/** The worker script beside this module, with the loader it needs when running from TypeScript sources (tsx). */
function workerEntry(): { url: URL; execArgv: string[] } | undefined {
  const self = import.meta.url;
  const ts = self.endsWith('.ts');
  const url = new URL(ts ? './validation-worker.ts' : './validation-worker.js', self);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) {
    return undefined;
  }
  if (!ts) {
    return { url, execArgv: [] };
  }
  try {
    const tsx = createRequire(self).resolve('tsx/esm');
    return { url, execArgv: ['--import', pathToFileURL(tsx).href] };
  } catch {
    return undefined; // TypeScript sources without tsx installed: callers validate in-thread
  }
}

/**
 * A worker thread that validates resources off the main thread, so validation of the next import unit overlaps the
 * SQL of the current one. It starts on first use and stops when idle; when no worker can run here (or it fails),
 * `validate` resolves to undefined and callers validate in-thread as usual.
 */
export class ValidationPool {
  private worker: Worker | undefined;
  private unavailable = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | undefined;

  /** Validates JSON texts in the worker: one verdict per text, or undefined when the worker cannot be used. */
  validate(texts: string[]): Promise<boolean[] | undefined> {
    const worker = this.start();
    if (!worker) {
      return Promise.resolve(undefined);
    }
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      worker.ref();
      const req: ValidationRequest = { id, texts };
      worker.postMessage(req);
    });
  }

  /** Stops the worker (pending requests resolve to undefined); a later `validate` starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.stop();
    await worker?.terminate();
  }

  private start(): Worker | undefined {
    if (this.worker || this.unavailable) {
      return this.worker;
    }
    const entry = workerEntry();
    if (!entry) {
      this.unavailable = true;
      return undefined;
    }
    const worker = new Worker(entry.url, { execArgv: entry.execArgv, stdout: true, stderr: true });
    worker.on('message', (res: ValidationResponse) => {
      const p = this.pending.get(res.id);
      this.pending.delete(res.id);
      if (this.pending.size === 0) {
        worker.unref(); // an idle worker does not keep the process alive
        this.idleTimer = setTimeout(() => void this.close(), IDLE_MS).unref();
      }
      p?.resolve(res.valid);
    });
    worker.on('error', () => {
      this.unavailable = true;
      this.stop();
    });
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.stop();
      }
    });
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    clearTimeout(this.idleTimer);
    this.worker = undefined;
    for (const p of this.pending.values()) {
      p.resolve(undefined);
    }
    this.pending.clear();
  }
}

import { AppError } from '../core/errors.js';
import type { FhirRepository } from '../fhir/repository.js';
import { discoverFiles, type ImportFile } from './discover.js';
import { readJsonFile } from './read-json.js';
import { readNdjsonFile } from './read-ndjson.js';
import type { ReaderContext } from './source.js';
import { ImportTally } from './tally.js';
import type { ImportOptions, ImportProgress, ImportSummary, ImportUnit } from './types.js';
import { UnitWriter } from './write-units.js';
import { prevalidator } from './prevalidate.js';

const DEFAULT_BATCH_SIZE = 500;

interface ReadState {
  filesDone: number;
  file: string | undefined;
  bytesRead: number;
}

async function* readAll(
  files: readonly ImportFile[],
  ctx: ReaderContext,
  state: ReadState,
): AsyncGenerator<ImportUnit> {
  for (const file of files) {
    state.file = file.path;
    yield* file.format === 'ndjson' ? readNdjsonFile(file, ctx) : readJsonFile(file, ctx);
    state.filesDone++;
  }
  state.file = undefined;
}

/**
 * Imports FHIR Bundles (transaction, batch, collection), single resources and Bulk Data NDJSON from files and folders,
 * streaming each file and writing idempotently (re-runs leave the store unchanged). Bad files, lines and resources
 * are reported in the summary; they never abort the run. An aborted signal stops after the current unit.
 */
export async function importPaths(
  repo: FhirRepository,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new AppError('VITALIS_BAD_REQUEST', 'batchSize must be a positive whole number');
  }
  const started = performance.now();
  const tally = new ImportTally();
  const { files, problems } = await discoverFiles(paths);
  for (const p of problems) {
    tally.reject(p, 0, true);
  }
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  const state: ReadState = { filesDone: 0, file: undefined, bytesRead: 0 };
  const ctx: ReaderContext = {
    batchSize,
    onBytes: (n) => {
      state.bytesRead += n;
    },
  };
  const elapsed = (): number => (performance.now() - started) / 1000;
  const report = (): void => {
    if (!options.onProgress) {
      return;
    }
    const p: ImportProgress = {
      filesTotal: files.length,
      filesDone: state.filesDone,
      ...(state.file === undefined ? {} : { file: state.file }),
      bytesTotal,
      bytesRead: Math.min(state.bytesRead, bytesTotal),
      resourcesRead: tally.resourcesRead,
      created: tally.created,
      updated: tally.updated,
      unchanged: tally.unchanged,
      rejected: tally.rejected,
      elapsedSeconds: elapsed(),
    };
    options.onProgress(p);
  };

  const writer = new UnitWriter(repo, tally);
  const units = readAll(files, ctx, state);
  const prevalidate = prevalidator(repo, options, bytesTotal);
  let aborted = false;
  report();
  // One unit of read-ahead: the next unit is parsed (and validated in a worker, when the repository offers one)
  // while the current unit is being written.
  let next = units.next();
  let current: { unit: ImportUnit; checked: Promise<void> } | undefined;
  for (;;) {
    const r = await next;
    if (!r.done) {
      next = units.next();
      next.catch(() => undefined); // awaited on the next turn; this only keeps it from counting as unhandled meanwhile
    }
    if (current) {
      if (options.signal?.aborted) {
        aborted = true;
        await units.return(undefined);
        break;
      }
      await current.checked;
      await writer.write(current.unit);
      report();
    }
    if (r.done) {
      break;
    }
    current = { unit: r.value, checked: prevalidate(r.value) };
  }
  const seconds = elapsed();
  return {
    files: files.length,
    failedFiles: tally.failedFiles,
    resourcesRead: tally.resourcesRead,
    created: tally.created,
    updated: tally.updated,
    unchanged: tally.unchanged,
    rejected: tally.rejected,
    seconds,
    resourcesPerSecond: seconds > 0 ? tally.resourcesRead / seconds : 0,
    rejections: tally.rejections,
    rejectionsOmitted: tally.rejectionsOmitted,
    aborted,
  };
}

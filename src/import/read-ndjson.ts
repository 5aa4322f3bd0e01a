import { createInterface } from 'node:readline';
import { BatchBuilder } from './batch-builder.js';
import type { ImportFile } from './discover.js';
import { fileFailure, jsonErrorReason, openSource, readErrorReason, type ReaderContext } from './source.js';
import type { ImportUnit } from './types.js';

/** Streams a Bulk Data NDJSON file line by line into batch units; a bad line is rejected and the rest go on. */
export async function* readNdjsonFile(file: ImportFile, ctx: ReaderContext): AsyncGenerator<ImportUnit> {
  const builder = new BatchBuilder(file.path, ctx.batchSize);
  const input = openSource(file, ctx);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = raw.trim(); // also drops a byte-order mark (U+FEFF) on line 1
      if (line === '') {
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        builder.reject(`line ${lineNo}`, jsonErrorReason(err));
        continue;
      }
      builder.addResource(value, `line ${lineNo}`);
      yield* builder.take();
    }
  } catch (err) {
    builder.flush();
    yield* builder.take();
    yield fileFailure(file.path, `line ${lineNo + 1}`, readErrorReason(err));
    return;
  } finally {
    lines.close();
    input.destroy();
  }
  builder.flush();
  yield* builder.take();
}

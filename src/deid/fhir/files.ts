import type { Resource } from '@medplum/fhirtypes';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AppError } from '../../core/errors.js';
import type { DeidService } from '../service.js';
import { fileSink } from '../text-stream.js';
import { deidentifyBundle, deidentifyWithKnown, knownByPatient } from './bundle.js';
import type { DateMode } from './safe-harbor.js';

/** Options of a FHIR file de-identification. */
export interface FhirFileOptions {
  dateMode: DateMode;
  onProgress?: (done: number, total: number) => void;
}

function parseResource(line: string, n: number): Resource {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new AppError('VITALIS_UNPROCESSABLE', `Line ${n} is not valid JSON`, { cause: err });
  }
  if (!value || typeof value !== 'object' || typeof (value as Record<string, unknown>)['resourceType'] !== 'string') {
    throw new AppError('VITALIS_INVALID_RESOURCE', `Line ${n} is not a FHIR resource (no resourceType)`);
  }
  return value as Resource;
}

async function* ndjsonLines(path: string): AsyncGenerator<[string, number]> {
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (line.includes('\u0000')) {
      throw new AppError('VITALIS_UNSUPPORTED_MEDIA_TYPE', 'Input looks binary; expected FHIR JSON or NDJSON');
    }
    if (line.trim() !== '') {
      yield [line, n];
    }
  }
}

/** De-identifies a FHIR Bundle/resource JSON file or an NDJSON file into `outPath` (temp file renamed on success);
 * returns the number of resources written. */
export async function deidentifyFhirFile(
  service: DeidService,
  paths: { in: string; out: string },
  options: FhirFileOptions,
): Promise<number> {
  const sink = await fileSink(paths.out);
  try {
    let count = 0;
    if (/\.(ndjson|jsonl)$/i.test(paths.in)) {
      // Pass 1: the patients' known identifiers; pass 2: transform line by line.
      const patients: Resource[] = [];
      let total = 0;
      for await (const [line, n] of ndjsonLines(paths.in)) {
        total++;
        if (line.includes('"Patient"')) {
          const r = parseResource(line, n);
          if (r.resourceType === 'Patient') {
            patients.push(r);
          }
        }
      }
      const known = knownByPatient(patients);
      for await (const [line, n] of ndjsonLines(paths.in)) {
        const r = await deidentifyWithKnown(service, parseResource(line, n), { dateMode: options.dateMode, known });
        await sink.write(`${JSON.stringify(r)}\n`);
        count++;
        options.onProgress?.(count, total);
      }
    } else {
      const raw = await readFile(paths.in);
      if (raw.includes(0)) {
        throw new AppError('VITALIS_UNSUPPORTED_MEDIA_TYPE', 'Input looks binary; expected FHIR JSON or NDJSON');
      }
      if (raw.length === 0) {
        throw new AppError('VITALIS_UNPROCESSABLE', 'Input is empty');
      }
      const value = parseResource(raw.toString('utf8').trim(), 1);
      if (value.resourceType === 'Bundle') {
        const out = await deidentifyBundle(service, value, {
          dateMode: options.dateMode,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        count = out.entry?.length ?? 0;
        await sink.write(JSON.stringify(out, null, 2));
      } else {
        const known = knownByPatient([value]);
        await sink.write(
          JSON.stringify(await deidentifyWithKnown(service, value, { dateMode: options.dateMode, known }), null, 2),
        );
        count = 1;
      }
    }
    await sink.commit();
    return count;
  } catch (err) {
    await sink.abort();
    throw err;
  }
}

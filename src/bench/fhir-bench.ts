import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseSearchUrl } from '../fhir/search/index.js';
import { MemoryRepository } from '@medplum/fhir-router';
import { openSqlRepository } from '../adapters/fhir-sql/index.js';
import { generateDemoPatients, generateLargeRecordPatient } from '../demo/index.js';
import { loadFhirDefinitions } from '../fhir/definitions.js';
import type { FhirRepository } from '../fhir/repository.js';
import { importPaths } from '../import/index.js';
import { buildPatientContext } from '../patient/index.js';
import { flattenBundle, loadIntoMemory, syntheaResources } from './memory-peer.js';
import { buildWorkload, patientIds, queriesFor, type PatientQueries, type Searcher } from './search-workload.js';
import { percentile, round, timeEach } from './stats.js';

const SYNTHEA = resolve(process.env['VITALIS_SYNTHEA_DIR'] ?? '../shared/data/synthea/r4');
const DEMO_PATIENTS = Number(process.env['BENCH_DEMO_PATIENTS'] ?? 6000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 200);
// medplum's MemoryRepository scans and sorts with FHIRPath per resource: one sorted Observation query takes seconds
// even at 60 patients, so the peer gets a few samples, and runs at full scale only when asked (BENCH_PEER_AT_SCALE=1).
const PEER_SAMPLES = Number(process.env['BENCH_PEER_SAMPLES'] ?? 5);
const PEER_AT_SCALE = process.env['BENCH_PEER_AT_SCALE'] === '1';

type QueryStats = Record<string, { p50: number; p95: number; n: number }>;

const started = performance.now();

function progress(msg: string): void {
  process.stderr.write(`[bench:fhir +${Math.round((performance.now() - started) / 1000)}s] ${msg}\n`);
}

async function measureSearches(search: Searcher, workload: PatientQueries[], warmup = 10): Promise<QueryStats> {
  const out: QueryStats = {};
  for (const name of ['observations', 'activeConditions', 'activeMeds'] as const) {
    // Warm-up pass, then the measured pass.
    for (const q of workload.slice(0, warmup)) await search(parseSearchUrl(queriesFor(q)[name]));
    out[name] = await timeEach(workload, (q) => search(parseSearchUrl(queriesFor(q)[name])));
  }
  return out;
}

function ratio(peer: QueryStats, ours: QueryStats): Record<string, number> {
  const r: Record<string, number> = {};
  for (const [k, v] of Object.entries(ours)) {
    const p = peer[k];
    if (p) r[k] = round(p.p50 / Math.max(v.p50, 1e-6), 1);
  }
  return r;
}

async function writeDemo(repo: FhirRepository, patients: number): Promise<{ resources: number; seconds: number }> {
  const t = performance.now();
  let resources = 0;
  let n = 0;
  for (const bundle of generateDemoPatients({ patients, seed: 4242 })) {
    await repo.processBundle(bundle);
    resources += bundle.entry?.length ?? 0;
    if (++n % 500 === 0) progress(`demo ${n}/${patients} patients, ${resources} resources`);
  }
  return { resources, seconds: (performance.now() - t) / 1000 };
}

async function main(): Promise<void> {
  if (!existsSync(SYNTHEA)) {
    throw new Error(`Synthea bundles not found at ${SYNTHEA}; set VITALIS_SYNTHEA_DIR`);
  }
  loadFhirDefinitions();
  const dataDir = mkdtempSync(join(tmpdir(), 'vitalis-bench-'));
  const repo = await openSqlRepository({ dataDir });
  const search: Searcher = (r) => repo.search(r);
  const result: Record<string, unknown> = { bench: 'fhir', store: 'pglite', node: process.version };

  progress('importing Synthea');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await importPaths(repo, [SYNTHEA], {});
  const importSeconds = (performance.now() - t0) / 1000;
  const importCpu = process.cpuUsage(cpu0);
  result['syntheaImport'] = {
    resources: summary.resourcesRead,
    rejected: summary.rejected,
    seconds: round(importSeconds),
    resourcesPerSecond: Math.round(summary.resourcesRead / importSeconds),
    // CPU seconds of the whole process (main thread and validation worker) over the import.
    cpuSeconds: round((importCpu.user + importCpu.system) / 1e6),
  };

  progress('searches at 60 patients');
  const ids60 = await patientIds(search);
  const work60 = await buildWorkload(search, ids60, SAMPLES);
  const ours60 = await measureSearches(search, work60);

  progress('loading the MemoryRepository peer');
  const memory = new MemoryRepository();
  for await (const resources of syntheaResources(SYNTHEA)) await loadIntoMemory(memory, resources);
  const memSearch: Searcher = (r) => memory.search(r);
  const peer60 = await measureSearches(memSearch, work60.slice(0, PEER_SAMPLES), 1);
  result['searchAt60'] = {
    patients: ids60.length,
    pglite: ours60,
    medplumMemoryRepository: peer60,
    peerOverOursP50: ratio(peer60, ours60),
  };

  progress(`writing ${DEMO_PATIENTS} demo patients`);
  const demo = await writeDemo(repo, DEMO_PATIENTS);
  if (typeof global.gc === 'function') global.gc();
  result['demoImport'] = {
    patients: DEMO_PATIENTS,
    resources: demo.resources,
    seconds: round(demo.seconds),
    resourcesPerSecond: Math.round(demo.resources / demo.seconds),
  };
  result['rssMbAfterImport'] = Math.round(process.memoryUsage().rss / 1048576);

  progress('searches at full scale');
  const idsAll = await patientIds(search);
  const workAll = await buildWorkload(search, idsAll, SAMPLES, 11);
  const oursAll = await measureSearches(search, workAll);
  let peerAll: QueryStats | string = 'skipped (set BENCH_PEER_AT_SCALE=1): the peer scans every resource per query';
  memory.clear();
  if (PEER_AT_SCALE) {
    progress('loading the peer at full scale');
    for await (const resources of syntheaResources(SYNTHEA)) await loadIntoMemory(memory, resources);
    for (const bundle of generateDemoPatients({ patients: DEMO_PATIENTS, seed: 4242 })) {
      await loadIntoMemory(memory, flattenBundle(bundle));
    }
    peerAll = await measureSearches(memSearch, workAll.slice(0, PEER_SAMPLES), 1);
    memory.clear();
  }
  result['searchAtScale'] = {
    patients: idsAll.length,
    pglite: oursAll,
    medplumMemoryRepository: peerAll,
    ...(typeof peerAll === 'string' ? {} : { peerOverOursP50: ratio(peerAll, oursAll) }),
  };

  progress('patient context for a large record');
  const large = generateLargeRecordPatient({ seed: 99, resources: 2500 });
  await repo.processBundle(large);
  const largeId = large.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource?.id ?? '';
  const runs = Array.from({ length: 60 }, (_, i) => i);
  // The first build reads every resource text from the store; later ones reuse the texts of unchanged versions.
  const tFirst = performance.now();
  await buildPatientContext(repo, largeId);
  const firstMs = round(performance.now() - tFirst, 1);
  const cpu: number[] = [];
  const ctx = await timeEach(runs, async () => {
    const c0 = process.cpuUsage();
    await buildPatientContext(repo, largeId);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  });
  // CPU time of this process per build: less sensitive than wall time to other load on the machine.
  const cpuMs = { p50: round(percentile(cpu, 50), 1), p95: round(percentile(cpu, 95), 1) };
  result['patientContext'] = { resources: large.entry?.length ?? 0, firstBuildMs: firstMs, ...ctx, cpuMs };

  await repo.close();
  rmSync(dataDir, { recursive: true, force: true });
  const os = await import('node:os');
  // Load average at the end of the run: figures from a shared, loaded machine are not comparable to an idle one.
  result['machine'] = { cores: os.cpus().length, loadavg: os.loadavg().map((l) => round(l, 1)) };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:fhir failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});

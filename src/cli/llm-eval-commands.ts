import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Patient, Resource } from '@medplum/fhirtypes';
import type { Command } from 'commander';
import { AppError } from '../core/errors.js';
import { generateDemoPatients } from '../demo/index.js';
import {
  answerItem,
  EVAL_TASKS,
  parseMedQa,
  parsePubMedQa,
  PUBLISHED_ANCHORS,
  runGroundingEval,
  summarizeQa,
  type EvalTask,
  type QaItem,
  type QaRecord,
} from '../llm/index.js';
import { contextFromResources, type PatientContext } from '../patient/index.js';
import { cliRuntime } from './llm-runtime.js';
import { configFromFlags } from './options.js';

const TITLES: Record<EvalTask, string> = {
  medqa: 'MedQA (USMLE, 4 options, official test split)',
  pubmedqa: 'PubMedQA PQA-L (official 500-item test split, reasoning-required)',
};

function loadItems(task: EvalTask, dataDir: string): QaItem[] {
  const medqa = join(dataDir, 'medqa-usmle-4opt', 'phrases_no_exclude_test.jsonl');
  const pqa = join(dataDir, 'pubmedqa-pqal', 'ori_pqal.json');
  const truth = join(dataDir, 'pubmedqa-pqal', 'test_ground_truth.json');
  const needed = task === 'medqa' ? [medqa] : [pqa, truth];
  if (!needed.every(existsSync)) {
    throw new AppError(
      'VITALIS_CONFIG',
      `The ${task} files are not in ${dataDir}; pass --data DIR (the folder holding medqa-usmle-4opt/ and pubmedqa-pqal/)`,
    );
  }
  return task === 'medqa'
    ? parseMedQa(readFileSync(medqa, 'utf8'))
    : parsePubMedQa(readFileSync(pqa, 'utf8'), readFileSync(truth, 'utf8'));
}

async function readDone(path: string): Promise<QaRecord[]> {
  if (!existsSync(path)) return [];
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as QaRecord];
    } catch {
      return [];
    }
  });
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** The first `n` demo patients' contexts (showcase patients first), built in memory at the demo anchor date. */
export function demoPatientContexts(n: number): PatientContext[] {
  const out: PatientContext[] = [];
  for (const bundle of generateDemoPatients({ patients: n, seed: 42 })) {
    const resources = (bundle.entry ?? []).flatMap((e): Resource[] => (e.resource ? [e.resource] : []));
    const patient = resources.find((r): r is Patient => r.resourceType === 'Patient');
    if (patient?.id) out.push(contextFromResources(patient, resources, { now: new Date('2026-06-01T12:00:00Z') }));
  }
  return out;
}

function registerEvalLlm(evalCmd: Command): void {
  evalCmd
    .command('llm')
    .description(
      'accuracy of a model on MedQA or PubMedQA with a 95 % bootstrap CI, latency, cost and published anchors (resumable)',
    )
    .requiredOption('--task <task>', 'medqa | pubmedqa')
    .requiredOption('--model <id>', 'a configured model id, or a .gguf file')
    .option('--data <dir>', 'folder with medqa-usmle-4opt/ and pubmedqa-pqal/', '../shared/data/llm-eval')
    .option('--limit <n>', 'evaluate only the first N items')
    .option('--out <file>', 'results file (JSONL, one line per item; re-running resumes it)')
    .option('--fresh', 'discard earlier results and start again')
    .option('--json', 'print the summary as one JSON line')
    .action(
      async (opts: {
        task: string;
        model: string;
        data: string;
        limit?: string;
        out?: string;
        fresh?: boolean;
        json?: boolean;
      }) => {
        const task = EVAL_TASKS.find((t) => t === opts.task);
        if (!task) throw new AppError('VITALIS_CONFIG', '--task must be medqa or pubmedqa');
        const limit = opts.limit === undefined ? undefined : Number(opts.limit);
        if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
          throw new AppError('VITALIS_CONFIG', '--limit must be a positive integer');
        const all = loadItems(task, opts.data);
        const items = all.slice(0, limit ?? all.length);
        const config = configFromFlags({});
        const { runtime, modelId } = cliRuntime(config, opts.model);
        const id = modelId ?? opts.model;
        const out = opts.out ?? join('.vitalis', 'eval', `${task}-${id}.jsonl`);
        await mkdir(dirname(out), { recursive: true });
        if (opts.fresh) await rm(out, { force: true });
        const wanted = new Set(items.map((i) => i.id));
        const records = (await readDone(out)).filter((r) => wanted.has(r.id));
        const done = new Set(records.map((r) => r.id));
        const todo = items.filter((i) => !done.has(i.id));
        if (done.size > 0)
          process.stderr.write(`Resuming: ${done.size} of ${items.length} items already answered in ${out}\n`);
        const controller = new AbortController();
        const stop = (): void => {
          controller.abort();
        };
        process.once('SIGINT', stop);
        const started = Date.now();
        try {
          const provider = runtime.provider(id);
          for (const [k, item] of todo.entries()) {
            const record = await answerItem(provider, item, controller.signal);
            records.push(record);
            await appendFile(out, `${JSON.stringify(record)}\n`);
            const acc = records.filter((r) => r.correct).length / records.length;
            const perItem = (Date.now() - started) / (k + 1) / 1000;
            process.stderr.write(
              `\r  ${records.length}/${items.length}  accuracy ${pct(acc)}  ${perItem.toFixed(2)} s/item   `,
            );
          }
          if (todo.length > 0) process.stderr.write('\n');
        } catch (err) {
          if (controller.signal.aborted) {
            process.stderr.write(
              `\nStopped; ${records.length} results kept in ${out}. Run the same command to resume.\n`,
            );
            return;
          }
          throw err;
        } finally {
          process.removeListener('SIGINT', stop);
          await runtime.close();
        }
        const summary = summarizeQa(records);
        const anchors = PUBLISHED_ANCHORS[task];
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ task, model: id, items: items.length, of: all.length, ...summary, anchors, results: out })}\n`,
          );
          return;
        }
        const a = summary.accuracy;
        process.stdout.write(
          [
            `${TITLES[task]}, model ${id}: ${a.n} items${a.n < all.length ? ` (of ${all.length}; --limit)` : ''}`,
            `  accuracy ${pct(a.accuracy)} (95 % CI ${pct(a.low)} – ${pct(a.high)}, bootstrap)`,
            `  latency ${summary.meanLatencyMs} ms/item, ${summary.tokensPerItem} tokens/item, cost ${summary.costPerItemUsd === null ? 'unknown (no price configured)' : `$${summary.costPerItemUsd.toFixed(5)}`}/item, ${summary.errors} errors`,
            `  published: ${anchors.map((x) => `${x.name} ${x.approx ? '≈ ' : ''}${x.accuracy} %`).join(', ')}`,
            `  results: ${out} (re-run to resume; --fresh to restart)`,
          ].join('\n') + '\n',
        );
      },
    );
}

function registerEvalGrounding(evalCmd: Command): void {
  evalCmd
    .command('grounding')
    .description('run the summary task on demo patients: citation validity, unsupported- and contradicted-claim rates')
    .requiredOption('--model <id>', 'a configured model id, or a .gguf file')
    .option('--patients <n>', 'demo patients (the showcase patients come first)', '7')
    .option('--json', 'print the result as one JSON line')
    .action(async (opts: { model: string; patients: string; json?: boolean }) => {
      const n = Number(opts.patients);
      if (!Number.isInteger(n) || n < 1 || n > 500)
        throw new AppError('VITALIS_CONFIG', '--patients must be an integer from 1 to 500');
      const config = configFromFlags({});
      const { runtime, modelId } = cliRuntime(config, opts.model);
      try {
        const contexts = demoPatientContexts(n);
        const result = await runGroundingEval(runtime.router, contexts, {
          model: modelId ?? opts.model,
          onProgress: (done, total) => process.stderr.write(`\r  ${done}/${total} patients   `),
        });
        process.stderr.write('\n');
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ model: modelId ?? opts.model, ...result })}\n`);
          return;
        }
        process.stdout.write(
          [
            `Grounding of the summary task, model ${modelId ?? opts.model}, ${result.patients} demo patients (${result.summaries} summaries)`,
            `  citation validity     ${pct(result.citationValidity)} of ${result.citations} citations`,
            `  unsupported claims    ${pct(result.unsupportedRate)}`,
            `  contradicted claims   ${pct(result.contradictedRate)}`,
            `  verified summaries    ${pct(result.verifiedRate)}; mean groundedness ${pct(result.meanScore)}`,
            ...(result.failures.length > 0
              ? [`  no summary: ${result.failures.map((f) => `${f.patient} (${f.status})`).join(', ')}`]
              : []),
          ].join('\n') + '\n',
        );
      } finally {
        await runtime.close();
      }
    });
}

/** `eval llm` and `eval grounding`. */
export function registerLlmEvalCommands(program: Command): void {
  const evalCmd = program.command('eval').description('evaluate language models (medical QA, grounding)');
  registerEvalLlm(evalCmd);
  registerEvalGrounding(evalCmd);
}

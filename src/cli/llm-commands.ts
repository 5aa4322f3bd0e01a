import type { Command } from 'commander';
import { pullModel, RECOMMENDED_MODELS } from '../adapters/llm-pull/index.js';
import { buildServeApp } from '../adapters/llm-serve/index.js';
import { AppError } from '../core/errors.js';
import { ALL_TASKS, HOW_TO_CONFIGURE, withResilience } from '../llm/index.js';
import { registerLlmEvalCommands } from './llm-eval-commands.js';
import { cliRuntime } from './llm-runtime.js';
import { registerLlmTaskCommands } from './llm-task-commands.js';
import { configFromFlags } from './options.js';

function intOption(value: unknown, name: string, range: [number, number]): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range[0] || n > range[1]) {
    throw new AppError('VITALIS_CONFIG', `${name} must be an integer from ${range[0]} to ${range[1]}`);
  }
  return n;
}

function formatBytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : `${(n / 1e6).toFixed(1)} MB`;
}

function registerModels(program: Command): void {
  program
    .command('models')
    .description('list the configured language models and which task is routed where')
    .option('--json', 'print the registry and routing table as JSON')
    .action((opts: { json?: boolean }) => {
      const config = configFromFlags({});
      const { runtime } = cliRuntime(config);
      const table = runtime.router.table(ALL_TASKS);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ models: runtime.models, routing: table })}\n`);
        return;
      }
      const out: string[] = [];
      if (runtime.models.length === 0) {
        out.push(
          'No language model is configured; every LLM task uses its deterministic fallback.',
          `  ${HOW_TO_CONFIGURE}`,
        );
      } else {
        out.push('Models:');
        for (const m of runtime.models) {
          const where = m.path ?? `${m.baseUrl ?? 'https://api.anthropic.com'} ${m.model ?? ''}`.trim();
          out.push(
            `  ${m.id.padEnd(28)} ${m.provider.padEnd(18)} ${m.architecture.padEnd(8)} ${m.dataBoundary.padEnd(9)} ctx ${String(m.contextWindow).padEnd(6)} tasks ${m.tasks.join(',')}  ${where}`,
          );
        }
      }
      out.push('', 'Routing:');
      for (const row of table) {
        const target = row.model ? `${row.model} (${row.boundary}, ${row.via})` : row.note;
        out.push(`  ${row.task.padEnd(16)} -> ${target}`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

function registerServe(model: Command): void {
  model
    .command('serve')
    .description('serve a GGUF model as an OpenAI-compatible API (/v1/chat/completions, /v1/embeddings, /v1/models)')
    .requiredOption('--model <file>', 'GGUF model file')
    .option('-p, --port <port>', 'port (default 8081)', '8081')
    .option('--host <host>', 'interface to bind (default 127.0.0.1; 0.0.0.0 for all)', '127.0.0.1')
    .option('--id <id>', 'model id published at /v1/models (default: the file name)')
    .option('--parallel <n>', 'concurrent generations (default 2)', '2')
    .option('--context <n>', 'context window per sequence (default 4096)', '4096')
    .option('--threads <n>', 'CPU threads')
    .action(async (opts: Record<string, string | undefined>) => {
      const port = intOption(opts['port'], '--port', [0, 65535]) ?? 8081;
      const parallel = intOption(opts['parallel'], '--parallel', [1, 64]) ?? 2;
      const contextSize = intOption(opts['context'], '--context', [128, 1_048_576]) ?? 4096;
      const threads = intOption(opts['threads'], '--threads', [1, 256]);
      const file = opts['model'] ?? '';
      const id = opts['id'] ?? (file.split(/[\\/]/).pop() ?? 'model').replace(/\.gguf$/i, '');
      process.stderr.write(`Loading ${id} ...\n`);
      const { LlamaCppProvider } = await import('../adapters/llm-llama-cpp/index.js');
      const raw = await LlamaCppProvider.load({
        modelPath: file,
        contextSize,
        sequences: parallel,
        ...(threads ? { threads } : {}),
      });
      const provider = withResilience(raw, {
        modelId: id,
        timeoutMs: 600_000,
        maxRetries: 0,
        retryBaseMs: 100,
        maxConcurrency: parallel,
        price: { input: 0, output: 0 },
      });
      const app = await buildServeApp({ provider, modelId: id });
      const address = await app.listen({ port, host: opts['host'] ?? '127.0.0.1' });
      process.stderr.write(`Serving ${id} (OpenAI-compatible) at ${address}/v1  — Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await raw.close();
    });
}

function registerPull(model: Command): void {
  model
    .command('pull [uri]')
    .description(
      'download a GGUF model (hf://owner/repo/file.gguf or https URL) with progress, resume and SHA-256 check',
    )
    .option('--dir <dir>', 'where to save it', './.vitalis/models')
    .option('--sha256 <hex>', 'expected SHA-256 (default: the checksum Hugging Face publishes, when it does)')
    .option('--recommend', 'list small models worth trying')
    .option('--json', 'print the result as JSON')
    .action(
      async (uri: string | undefined, opts: { dir: string; sha256?: string; recommend?: boolean; json?: boolean }) => {
        if (opts.recommend || uri === undefined) {
          const lines = RECOMMENDED_MODELS.map((m) => `  vitalis model pull ${m.uri}\n      ${m.note}`);
          process.stdout.write(`Small GGUF models to try (check each licence first):\n${lines.join('\n')}\n`);
          return;
        }
        let last = 0;
        const result = await pullModel({
          uri,
          dir: opts.dir,
          sha256: opts.sha256,
          token: process.env['HF_TOKEN'],
          onProgress: (p) => {
            const now = Date.now();
            if (now - last < 250 && p.received !== p.total) return;
            last = now;
            const pct = p.total ? ` ${((100 * p.received) / p.total).toFixed(1)} %` : '';
            const resumed = p.resumedFrom > 0 ? ` (resumed at ${formatBytes(p.resumedFrom)})` : '';
            process.stderr.write(
              `\r  ${formatBytes(p.received)}${p.total ? ` / ${formatBytes(p.total)}` : ''}${pct}${resumed}   `,
            );
          },
        });
        process.stderr.write('\n');
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
          return;
        }
        const check = result.expected
          ? `verified against the ${result.expected.from === 'flag' ? '--sha256' : 'published'} checksum`
          : 'no checksum published: compare it yourself';
        process.stdout.write(
          `${result.alreadyPresent ? 'Already present' : 'Saved'}: ${result.path} (${formatBytes(result.bytes)})\n` +
            `sha256 ${result.sha256} — ${check}\n` +
            `Use it: VITALIS_MODEL_GGUF=${result.path} vitalis summarize --patient ID\n`,
        );
      },
    );
}

/** `models`, `model serve`, `model pull`, `summarize`, `letter`, `eval llm`, `eval grounding`: the LLM layer's commands. */
export function registerLlmCommands(program: Command): void {
  registerModels(program);
  const model = program.command('model').description('serve or download on-prem models');
  registerServe(model);
  registerPull(model);
  registerLlmTaskCommands(program);
  registerLlmEvalCommands(program);
}

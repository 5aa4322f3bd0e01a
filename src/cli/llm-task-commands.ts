import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { defaultDdxEngine } from '../ddx/index.js';
import {
  explainDifferential,
  LetterOptionsSchema,
  LlmFindingRecognizer,
  summarizePatient,
  writePatientLetter,
} from '../llm/index.js';
import { buildPatientContext } from '../patient/index.js';
import { formatExplanation, formatLetter, formatSummary } from './llm-format.js';
import { cliRuntime } from './llm-runtime.js';
import { configFromFlags, withStoreOptions } from './options.js';
import { withRepository } from './with-repository.js';

const NowSchema = z.iso.datetime({ offset: true }).optional();

function parseNow(value: unknown): Date | undefined {
  const now = NowSchema.safeParse(value);
  if (!now.success)
    throw new AppError('VITALIS_CONFIG', '--now must be an ISO date-time with a time zone, e.g. 2026-06-01T12:00:00Z');
  return now.data ? new Date(now.data) : undefined;
}

/** A one-line "generating…" counter on stderr while a model writes (only on a terminal). */
function generationProgress(): { onText: (chunk: string) => void; done: () => void } | null {
  if (!process.stderr.isTTY) return null;
  let chars = 0;
  let last = 0;
  return {
    onText: (chunk) => {
      chars += chunk.length;
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      process.stderr.write(`\r  generating… ${chars} characters `);
    },
    done: () => {
      if (chars > 0) process.stderr.write('\r\x1b[K');
    },
  };
}

/** `summarize` and `letter`: grounded generation over a patient's chart. */
export function registerLlmTaskCommands(program: Command): void {
  withStoreOptions(
    program
      .command('summarize')
      .description(
        "a grounded, cited summary of a patient's chart with its verification report (labelled template without a model)",
      )
      .requiredOption('--patient <id>', 'Patient resource id')
      .option('--model <id>', 'a configured model id, or a .gguf file (default: the router chooses)')
      .option('--now <iso>', 'build the context as of this date-time')
      .option('--json', 'print the result (summary, verification report, fallback) as JSON'),
  ).action(async (opts: Record<string, unknown>) => {
    const config = configFromFlags(opts);
    const now = parseNow(opts['now']);
    const { runtime, modelId } = cliRuntime(config, typeof opts['model'] === 'string' ? opts['model'] : undefined);
    try {
      const ctx = await withRepository(config, (repo) =>
        buildPatientContext(repo, String(opts['patient']), now ? { now } : {}),
      );
      const progress = generationProgress();
      const result = await summarizePatient(runtime.router, ctx, {
        ...(modelId === undefined ? {} : { model: modelId }),
        ...(progress ? { onText: progress.onText } : {}),
      });
      progress?.done();
      process.stdout.write(`${opts['json'] ? JSON.stringify(result) : formatSummary(result)}\n`);
    } finally {
      await runtime.close();
    }
  });

  withStoreOptions(
    program
      .command('letter')
      .description('a plain-language letter to the patient at a reading level, in a language, with its readability')
      .requiredOption('--patient <id>', 'Patient resource id')
      .option('--language <code>', 'en | fr | es | de', 'en')
      .option('--grade <n>', 'target US school grade, 3 to 12', '6')
      .option('--model <id>', 'a configured model id, or a .gguf file')
      .option('--json', 'print the result as JSON'),
  ).action(async (opts: Record<string, unknown>) => {
    const config = configFromFlags(opts);
    const parsed = LetterOptionsSchema.safeParse({ language: opts['language'], readingGrade: opts['grade'] });
    if (!parsed.success)
      throw new AppError('VITALIS_CONFIG', '--language must be en, fr, es or de and --grade an integer from 3 to 12');
    const { runtime, modelId } = cliRuntime(config, typeof opts['model'] === 'string' ? opts['model'] : undefined);
    try {
      const ctx = await withRepository(config, (repo) => buildPatientContext(repo, String(opts['patient'])));
      const result = await writePatientLetter(runtime.router, ctx, {
        options: parsed.data,
        ...(modelId === undefined ? {} : { call: { model: modelId } }),
      });
      process.stdout.write(`${opts['json'] ? JSON.stringify(result) : formatLetter(result)}\n`);
    } finally {
      await runtime.close();
    }
  });

  withStoreOptions(
    program
      .command('explain')
      .description(
        "the diagnosis engine's differential for a chart or a text, explained in cited sentences and verified",
      )
      .option('--patient <id>', 'Patient resource id (the chart is read)')
      .option('--text <text>', 'a clinical vignette instead of a chart')
      .option('--llm-findings', 'read the text with the LLM extraction task instead of the rule-based recognizer')
      .option('--model <id>', 'a configured model id, or a .gguf file')
      .option('--json', 'print the differential and its explanation as JSON'),
  ).action(async (opts: Record<string, unknown>) => {
    const text = typeof opts['text'] === 'string' ? opts['text'] : undefined;
    const patient = typeof opts['patient'] === 'string' ? opts['patient'] : undefined;
    if ((text === undefined) === (patient === undefined)) {
      throw new AppError('VITALIS_CONFIG', 'Give either --patient ID or --text "..."');
    }
    const config = configFromFlags(opts);
    const { runtime, modelId } = cliRuntime(config, typeof opts['model'] === 'string' ? opts['model'] : undefined);
    const call = modelId === undefined ? {} : { model: modelId };
    try {
      const engine = defaultDdxEngine();
      let differential;
      if (patient !== undefined) {
        const ctx = await withRepository(config, (repo) => buildPatientContext(repo, patient));
        differential = engine.diagnoseContext(ctx);
      } else if (opts['llmFindings']) {
        const vocabulary = engine.kb.findings.map((f) => ({ id: f.id, label: f.label }));
        const recognizer = new LlmFindingRecognizer({
          router: runtime.router,
          vocabulary,
          fallback: engine.recognizer,
          ...call,
        });
        differential = await engine.diagnoseTextWith(recognizer, text ?? '');
      } else {
        differential = engine.diagnoseText(text ?? '');
      }
      const explanation = await explainDifferential(runtime.router, differential, call);
      process.stdout.write(
        `${opts['json'] ? JSON.stringify({ differential, explanation }) : formatExplanation(explanation)}\n`,
      );
    } finally {
      await runtime.close();
    }
  });
}

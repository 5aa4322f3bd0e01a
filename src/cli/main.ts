#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerClinicalCommands } from './clinical-commands.js';
import { registerMedsCommands } from './meds-commands.js';
import { registerBenchCommands } from './bench-commands.js';
import { registerDataCommands } from './data-commands.js';
import { registerIhtcCommands } from './ihtc-commands.js';
import { registerLlmCommands } from './llm-commands.js';
import { registerDdxCommands } from './ddx-commands.js';
import { registerDeidCommands } from './deid-commands.js';
import { registerOpsCommands } from './ops-commands.js';
import { reportError } from './errors.js';
import { registerServeCommand } from './serve-command.js';
import { registerToolCommands } from './tool-commands.js';

/** Builds the `vitalis` command tree. */
export function buildCli(): Command {
  const program = new Command('vitalis')
    .description(
      'Vitalis: EHR-native clinical AI platform — FHIR R4 store and API, CDS Hooks, SMART, differential diagnosis, medication safety, scores, LLM tasks, de-identification, operations research',
    )
    .version('0.1.0')
    .showHelpAfterError('(run `vitalis --help` or `vitalis <command> --help` for usage)')
    .exitOverride();
  registerServeCommand(program);
  registerDataCommands(program);
  registerClinicalCommands(program);
  registerOpsCommands(program);
  registerToolCommands(program);
  // ddx commands (issue 4)
  registerDdxCommands(program);
  registerBenchCommands(program);
  // meds commands (issue 5)
  registerMedsCommands(program);
  // llm commands (issue 6)
  registerLlmCommands(program);
  // deid commands (issue 7)
  registerDeidCommands(program);
  // ops commands (issue 8)
  registerIhtcCommands(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildCli().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    process.exitCode = reportError(err);
  }
}

await main();

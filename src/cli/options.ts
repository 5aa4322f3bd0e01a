import type { Command } from 'commander';
import { loadConfig, type Config } from '../core/config.js';

/** Store flags shared by every command that opens the chart store. */
export function withStoreOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'PGlite data directory (VITALIS_DATA_DIR, default ./.vitalis/data)')
    .option('--database-url <url>', 'PostgreSQL server URL instead of PGlite (DATABASE_URL)')
    .option('--fhir-url <url>', "a hospital's FHIR R4 base URL instead of the local store (VITALIS_FHIR_URL)")
    .option('--log-level <level>', 'debug | info | warn | error | silent (VITALIS_LOG_LEVEL)');
}

const FLAG_KEYS: Partial<Record<string, keyof Config>> = {
  dataDir: 'dataDir',
  databaseUrl: 'databaseUrl',
  fhirUrl: 'fhirUrl',
  logLevel: 'logLevel',
  port: 'port',
  host: 'host',
  baseUrl: 'baseUrl',
  demoPatients: 'demoPatients',
  demoSeed: 'demoSeed',
  bodyLimit: 'bodyLimit',
};

/** Builds the config from env plus the command's flags (flags override env). */
export function configFromFlags(opts: Record<string, unknown>): Config {
  const flags: Partial<Record<keyof Config, unknown>> = {};
  for (const [flag, value] of Object.entries(opts)) {
    const key = FLAG_KEYS[flag];
    if (key !== undefined && value !== undefined) {
      flags[key] = value;
    }
  }
  return loadConfig(process.env, flags);
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateClientKeys } from '../adapters/fhir-http/index.js';
import { describeStore } from '../app/open-repository.js';
import { ENV_KEYS, type Config } from '../core/config.js';
import { AppError } from '../core/errors.js';
import { configFromFlags, withStoreOptions } from './options.js';

const SECRET_KEYS = new Set<keyof Config>(['fhirToken', 'fhirPrivateKey', 'authSigningKey', 'deidKey', 'authClients']);

/** `keys` and `config`: operator tools. */
export function registerToolCommands(program: Command): void {
  const keys = program.command('keys').description('manage the key pair Vitalis uses for SMART Backend Services');
  keys
    .command('generate')
    .description('generate a private key (PEM) and the public JWKS to register with your EHR')
    .option('--alg <alg>', 'RS384 or ES384', 'RS384')
    .option('--out <dir>', 'folder to write private-key.pem and jwks.json into', '.vitalis/keys')
    .action(async (opts: { alg: string; out: string }) => {
      if (opts.alg !== 'RS384' && opts.alg !== 'ES384') {
        throw new AppError('VITALIS_CONFIG', '--alg must be RS384 or ES384');
      }
      const generated = await generateClientKeys(opts.alg);
      await mkdir(opts.out, { recursive: true });
      const keyPath = join(opts.out, 'private-key.pem');
      await writeFile(keyPath, generated.privateKeyPem, { mode: 0o600 });
      await writeFile(join(opts.out, 'jwks.json'), JSON.stringify(generated.publicJwks, null, 2));
      process.stdout.write(
        `Wrote ${keyPath} (keep it secret) and ${join(opts.out, 'jwks.json')} (register it with the EHR).\n` +
          `Then set VITALIS_FHIR_CLIENT_ID, VITALIS_FHIR_PRIVATE_KEY=${keyPath}, VITALIS_FHIR_KEY_ID=${generated.kid}, VITALIS_FHIR_ALG=${opts.alg}.\n`,
      );
    });

  withStoreOptions(program.command('config').description('print the resolved configuration (secrets hidden)')).action(
    (opts: Record<string, unknown>) => {
      const config = configFromFlags(opts);
      const rows = (Object.keys(ENV_KEYS) as (keyof Config)[]).map((key) => {
        const value = config[key];
        const shown = value === undefined ? '(unset)' : SECRET_KEYS.has(key) ? '(set)' : String(value);
        return `${ENV_KEYS[key].padEnd(26)} ${shown}`;
      });
      const store = describeStore(config);
      process.stdout.write(`${rows.join('\n')}\nstore: ${store.kind} at ${store.location}\n`);
    },
  );
}

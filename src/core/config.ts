import { z } from 'zod';
import { AppError } from './errors.js';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const intFrom = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER): z.ZodDefault<z.ZodCoercedNumber> =>
  z.coerce.number().int().min(min).max(max).default(def);

/** The one configuration schema of Vitalis. Every field is documented in the README's configuration table. */
export const ConfigSchema = z
  .object({
    port: intFrom(8080, 0, 65535),
    host: z.string().default('127.0.0.1'),
    baseUrl: optionalString,
    dataDir: z.string().default('./.vitalis/data'),
    databaseUrl: optionalString,
    fhirUrl: optionalString.pipe(z.url().optional()),
    fhirToken: optionalString,
    fhirClientId: optionalString,
    fhirPrivateKey: optionalString,
    fhirKeyId: optionalString,
    fhirTokenUrl: optionalString.pipe(z.url().optional()),
    fhirScope: z.string().default('system/*.read'),
    fhirAlg: z.enum(['RS384', 'ES384']).default('RS384'),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    bodyLimit: intFrom(32 * 1024 * 1024, 1024),
    demoPatients: intFrom(20, 0, 100_000),
    demoSeed: intFrom(42),
    // cds (issue 3)
    cdsIssuers: optionalString,
    cdsAllowUnauthenticated: z
      .union([z.boolean(), z.enum(['0', '1', 'true', 'false'])])
      .default(false)
      .transform((v) => v === true || v === '1' || v === 'true'),
    // auth and smart (issue 3)
    auth: z.enum(['off', 'smart']).default('off'),
    authClients: optionalString,
    authSigningKey: optionalString,
    authDevLogin: z
      .union([z.boolean(), z.enum(['0', '1', 'true', 'false'])])
      .default(false)
      .transform((v) => v === true || v === '1' || v === 'true'),
    authTokenTtl: intFrom(3600, 60, 86_400),
    smartClientId: optionalString,
    smartIssuers: optionalString,
    smartScope: z.string().default('launch launch/patient patient/*.rs openid fhirUser offline_access'),
    // llm (issue 6)
    llmModelsFile: optionalString,
    llmModelGguf: optionalString,
    llmUrl: optionalString.pipe(z.url().optional()),
    llmModel: optionalString,
    llmBoundary: z.enum(['on-prem', 'external']).default('external'),
    llmAnthropicModel: optionalString,
    llmTimeoutMs: intFrom(120_000, 1000, 3_600_000),
    // deid (issue 7)
    deidKey: optionalString,
    deidKeyFile: optionalString,
    deidMappingDir: optionalString,
    deidRetentionHours: intFrom(24, 1, 24 * 365),
    deidBareYears: z.enum(['keep', 'redact']).default('keep'),
    deidDateMode: z.enum(['shift', 'year']).default('shift'),
    deidMaxTextBytes: intFrom(8 * 1024 * 1024, 1024),
    // meds (issue 5)
    medsKnowledge: optionalString,
    medsRxnormIngredients: optionalString,
    // ops (issue 8)
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** Environment variable for each config key. */
export const ENV_KEYS: Record<keyof Config, string> = {
  port: 'PORT',
  host: 'VITALIS_HOST',
  baseUrl: 'VITALIS_BASE_URL',
  dataDir: 'VITALIS_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  fhirUrl: 'VITALIS_FHIR_URL',
  fhirToken: 'VITALIS_FHIR_TOKEN',
  fhirClientId: 'VITALIS_FHIR_CLIENT_ID',
  fhirPrivateKey: 'VITALIS_FHIR_PRIVATE_KEY',
  fhirKeyId: 'VITALIS_FHIR_KEY_ID',
  fhirTokenUrl: 'VITALIS_FHIR_TOKEN_URL',
  fhirScope: 'VITALIS_FHIR_SCOPE',
  fhirAlg: 'VITALIS_FHIR_ALG',
  logLevel: 'VITALIS_LOG_LEVEL',
  bodyLimit: 'VITALIS_BODY_LIMIT',
  demoPatients: 'VITALIS_DEMO_PATIENTS',
  demoSeed: 'VITALIS_DEMO_SEED',
  // cds (issue 3)
  cdsIssuers: 'VITALIS_CDS_ISSUERS',
  cdsAllowUnauthenticated: 'VITALIS_CDS_ALLOW_UNAUTHENTICATED',
  // auth and smart (issue 3)
  auth: 'VITALIS_AUTH',
  authClients: 'VITALIS_AUTH_CLIENTS',
  authSigningKey: 'VITALIS_AUTH_SIGNING_KEY',
  authDevLogin: 'VITALIS_AUTH_DEV_LOGIN',
  authTokenTtl: 'VITALIS_AUTH_TOKEN_TTL',
  smartClientId: 'VITALIS_SMART_CLIENT_ID',
  smartIssuers: 'VITALIS_SMART_ISSUERS',
  smartScope: 'VITALIS_SMART_SCOPE',
  // llm (issue 6)
  llmModelsFile: 'VITALIS_MODELS_FILE',
  llmModelGguf: 'VITALIS_MODEL_GGUF',
  llmUrl: 'VITALIS_LLM_URL',
  llmModel: 'VITALIS_LLM_MODEL',
  llmBoundary: 'VITALIS_LLM_BOUNDARY',
  llmAnthropicModel: 'VITALIS_ANTHROPIC_MODEL',
  llmTimeoutMs: 'VITALIS_LLM_TIMEOUT_MS',
  // deid (issue 7)
  deidKey: 'VITALIS_DEID_KEY',
  deidKeyFile: 'VITALIS_DEID_KEY_FILE',
  deidMappingDir: 'VITALIS_DEID_MAPPING_DIR',
  deidRetentionHours: 'VITALIS_DEID_RETENTION_HOURS',
  deidBareYears: 'VITALIS_DEID_BARE_YEARS',
  deidDateMode: 'VITALIS_DEID_DATE_MODE',
  deidMaxTextBytes: 'VITALIS_DEID_MAX_TEXT_BYTES',
  // meds (issue 5)
  medsKnowledge: 'VITALIS_MEDS_KNOWLEDGE',
  medsRxnormIngredients: 'VITALIS_MEDS_RXNORM_INGREDIENTS',
  // ops (issue 8)
};

/**
 * Builds the config from environment variables and flags; flags override env.
 * Throws VITALIS_CONFIG with the offending keys (never their values) when invalid.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  flags: Partial<Record<keyof Config, unknown>> = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, envName] of Object.entries(ENV_KEYS)) {
    const value = env[envName];
    if (value !== undefined && value !== '') {
      raw[key] = value;
    }
  }
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined) {
      raw[key] = value;
    }
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      const envName = (ENV_KEYS as Record<string, string | undefined>)[key];
      return `${envName ?? key}: ${i.message}`;
    });
    throw new AppError('VITALIS_CONFIG', `Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The externally visible base URL of the server (used in Bundle links and the banner). */
export function publicBaseUrl(config: Config): string {
  if (config.baseUrl) {
    return config.baseUrl.replace(/\/+$/, '');
  }
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}

import { readFileSync } from 'node:fs';
import type { Config } from '../../core/config.js';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { RemoteRepositoryOptions } from './options.js';
import { createRemoteRepository, type RemoteFhirRepository } from './remote-repository.js';

type RemoteConfig = Pick<
  Config,
  'fhirUrl' | 'fhirToken' | 'fhirClientId' | 'fhirPrivateKey' | 'fhirKeyId' | 'fhirTokenUrl' | 'fhirScope' | 'fhirAlg'
>;

/**
 * Builds the remote repository options from the config: bearer when VITALIS_FHIR_TOKEN is set, SMART Backend Services
 * when VITALIS_FHIR_CLIENT_ID and VITALIS_FHIR_PRIVATE_KEY (a file path or an inline PEM/JWK) are set, else no auth.
 */
export function remoteOptionsFromConfig(config: RemoteConfig): RemoteRepositoryOptions {
  if (config.fhirUrl === undefined) {
    throw new AppError('VITALIS_CONFIG', 'VITALIS_FHIR_URL is not set');
  }
  if (config.fhirToken !== undefined) {
    return { baseUrl: config.fhirUrl, auth: { kind: 'bearer', token: config.fhirToken } };
  }
  if (config.fhirClientId === undefined && config.fhirPrivateKey === undefined) {
    return { baseUrl: config.fhirUrl, auth: { kind: 'none' } };
  }
  if (config.fhirClientId === undefined || config.fhirPrivateKey === undefined) {
    throw new AppError(
      'VITALIS_CONFIG',
      'SMART Backend Services needs both VITALIS_FHIR_CLIENT_ID and VITALIS_FHIR_PRIVATE_KEY',
    );
  }
  return {
    baseUrl: config.fhirUrl,
    auth: {
      kind: 'smart-backend',
      clientId: config.fhirClientId,
      privateKey: loadPrivateKey(config.fhirPrivateKey),
      alg: config.fhirAlg,
      scope: config.fhirScope,
      ...(config.fhirKeyId === undefined ? {} : { keyId: config.fhirKeyId }),
      ...(config.fhirTokenUrl === undefined ? {} : { tokenUrl: config.fhirTokenUrl }),
    },
  };
}

/** The key text: inline when it looks like a PEM or JWK, otherwise read from the file at that path. */
export function loadPrivateKey(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('-----BEGIN') || trimmed.startsWith('{')) {
    return trimmed;
  }
  try {
    return readFileSync(trimmed, 'utf8');
  } catch (cause) {
    throw new AppError('VITALIS_CONFIG', 'VITALIS_FHIR_PRIVATE_KEY is neither an inline key nor a readable file', {
      cause,
    });
  }
}

/** Creates the remote FHIR repository the config describes (VITALIS_FHIR_URL and friends). */
export function remoteRepositoryFromConfig(config: RemoteConfig, logger?: Logger): RemoteFhirRepository {
  return createRemoteRepository({ ...remoteOptionsFromConfig(config), ...(logger ? { logger } : {}) });
}

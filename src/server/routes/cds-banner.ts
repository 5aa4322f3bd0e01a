import type { Config } from '../../core/config.js';

/** Banner rows of CDS Hooks: the discovery URL and how hook calls are authenticated. */
export function cdsRows(url: string, config: Config): [string, string][] {
  const mode = config.cdsIssuers
    ? 'signed JWTs from VITALIS_CDS_ISSUERS'
    : config.cdsAllowUnauthenticated
      ? 'UNAUTHENTICATED (development)'
      : 'refused until VITALIS_CDS_ISSUERS is set';
  return [['CDS Hooks', `${url}/cds-services  (${mode})`]];
}

/** Banner warnings about CDS Hooks authentication. */
export function cdsLines(config: Config): string[] {
  if (config.cdsAllowUnauthenticated) {
    return [
      '  WARNING: CDS Hooks calls without a JWT are accepted (--cds-allow-unauthenticated /',
      '  VITALIS_CDS_ALLOW_UNAUTHENTICATED=1). Development only: never expose this server to an EHR or a network.',
    ];
  }
  return [];
}

import type { Config } from '../core/config.js';

function loopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}

/** The banner lines saying which access-control mode is on (and warning when it is off or a dev login is enabled). */
export function authLines(config: Config): string[] {
  if (config.auth === 'off') {
    const exposed = !loopback(config.host);
    return [
      `  Auth: off — no access control on /fhir and /api${exposed ? ' (WARNING: bound to a non-loopback interface)' : ' (development)'}; set VITALIS_AUTH=smart to enforce SMART scopes`,
      '  Audit: every /fhir and /api access is recorded as an AuditEvent',
    ];
  }
  return [
    '  Auth: SMART App Launch 2.2 (scopes enforced on /fhir and /api)',
    ...(config.authDevLogin
      ? ['  WARNING: development login is enabled (VITALIS_AUTH_DEV_LOGIN): anyone can pick any user']
      : []),
    '  Audit: every /fhir and /api access is recorded as an AuditEvent',
  ];
}

/** The banner URL rows of the SMART endpoints. */
export function authRows(url: string, config: Config): [string, string][] {
  const rows: [string, string][] = [];
  if (config.auth === 'smart') {
    rows.push(['SMART config', `${url}/.well-known/smart-configuration`]);
  }
  if (config.smartClientId !== undefined) {
    rows.push(['SMART launch', `${url}/smart/launch?iss=...&launch=...`]);
  }
  return rows;
}

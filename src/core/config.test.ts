import { describe, expect, it } from 'vitest';
import { loadConfig, publicBaseUrl } from './config.js';
import { isAppError } from './errors.js';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('./.vitalis/data');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.fhirUrl).toBeUndefined();
    expect(publicBaseUrl(config)).toBe('http://127.0.0.1:8080');
  });

  it('reads env and lets flags override it', () => {
    const config = loadConfig(
      { PORT: '9000', VITALIS_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://h/db' },
      { port: '9100' },
    );
    expect(config.port).toBe(9100);
    expect(config.dataDir).toBe('/tmp/x');
    expect(config.databaseUrl).toBe('postgres://h/db');
  });

  it('names the offending variable, not its value', () => {
    try {
      loadConfig({ PORT: 'eighty', VITALIS_FHIR_URL: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err, 'VITALIS_CONFIG')).toBe(true);
      const message = (err as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('VITALIS_FHIR_URL');
      expect(message).not.toContain('eighty');
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', VITALIS_FHIR_URL: '  ' }).databaseUrl).toBeUndefined();
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { seedDemo } from '../demo/index.js';
import { useSiteKnowledge, type MedsCheckResult } from '../meds/index.js';
import { loadSiteKnowledge } from './site-knowledge.js';
import { fetchJson } from './test-support/http.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

describe("a site's interaction knowledge, configured for the server", () => {
  let dir: string;
  let server: TestServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vitalis-site-kb-'));
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 3, seed: 42 });
  });
  afterAll(async () => {
    useSiteKnowledge([]);
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the CSV named by VITALIS_MEDS_KNOWLEDGE and the API then alerts on its rules', async () => {
    const csv = join(dir, 'formulary.csv');
    await writeFile(
      csv,
      'rule_id,drug_a,drug_b,severity,effect,management,reference\nsite-42,723,161,major,"Test interaction","Separate doses",Site formulary 2026\n',
    );
    const config = ConfigSchema.parse({ dataDir: 'memory://', medsKnowledge: csv });
    const names = loadSiteKnowledge(
      config,
      createLogger('silent', () => undefined),
    );
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/1 rules/);
    const res = await fetchJson<MedsCheckResult>(
      `${server.url}/api/patients/showcase-sepsis/meds-check?order=rxnorm:723&order=rxnorm:161`,
    );
    expect(res.status).toBe(200);
    expect(res.body.knowledge.length).toBe(2);
    expect(res.body.alerts.some((a) => a.ruleId.includes('site-42') && a.tier === 'interruptive')).toBe(true);
  });

  it('stops with the path when a configured knowledge base cannot be read', () => {
    const config = ConfigSchema.parse({ dataDir: 'memory://', medsKnowledge: join(dir, 'missing.csv') });
    expect(() =>
      loadSiteKnowledge(
        config,
        createLogger('silent', () => undefined),
      ),
    ).toThrow(/Interaction knowledge path not found/);
  });
});

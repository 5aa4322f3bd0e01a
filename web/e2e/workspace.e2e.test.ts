import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/index.js';
import { demoAnchorFor } from '../../src/server/seed.js';
import { startTestServer, type TestServer } from '../../src/server/test-support/test-server.js';
import { ARTIFACTS, buildWorkspace, e2eSkipReason, openBrowser } from './support.js';

const skip = e2eSkipReason();
const CURTOIS_INSTANCE1 = fileURLToPath(new URL('../../../shared/data/or/curtois-shift-scheduling-1-24/txt/Instance1.txt', import.meta.url));

describe.skipIf(skip !== null)('workspace in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    await buildWorkspace();
    server = await startTestServer('pglite');
    await seedDemo(server.repo, { patients: 8, seed: 42, anchorDate: demoAnchorFor(new Date()) });
    ({ browser, page, problems } = await openBrowser());
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('opens a showcase patient from the list', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.getByLabel('Name, MRN or birth date').fill('Delgado');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Rosa Delgado' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'patient-list.png'), fullPage: true });
    await page.getByRole('link', { name: 'Rosa Delgado' }).click();
    await page.getByRole('heading', { name: 'Rosa Delgado' }).waitFor();
    expect(page.url()).toMatch(/#\/patients\/showcase-sepsis\/overview$/);
    expect(problems).toEqual([]);
  });

  it('shows vitals charts, and scores whose inputs open their source resource', async () => {
    await page.getByRole('heading', { name: 'Vital signs' }).waitFor();
    expect(await page.locator('figure.chart-card canvas').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'NEWS2', exact: true }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'patient-overview.png'), fullPage: true });
    const news2 = page.locator('article', { has: page.getByRole('heading', { name: 'NEWS2', exact: true }) });
    await news2.getByRole('button').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect
      .poll(async () => dialog.locator('pre.json').textContent(), { timeout: 10_000 })
      .toContain('"resourceType": "Observation"');
    await page.screenshot({ path: join(ARTIFACTS, 'score-source.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(problems).toEqual([]);
  });

  it('solves an uploaded roster problem in the operations view and draws the roster grid', async () => {
    await page.getByRole('link', { name: 'Operations' }).click();
    await page.getByRole('heading', { name: 'Operations' }).waitFor();
    await page.getByLabel('Problem file').setInputFiles(CURTOIS_INSTANCE1);
    await page.getByLabel('Time limit (s)').fill('5');
    await page.getByRole('button', { name: 'Solve' }).click();
    await page.getByRole('heading', { name: /Roster Instance1: (optimal|feasible)/ }).waitFor({ timeout: 30_000 });
    expect(await page.locator('table.roster-grid tbody tr').count()).toBe(8);
    await page.screenshot({ path: join(ARTIFACTS, 'operations-roster.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

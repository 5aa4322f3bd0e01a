import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/index.js';
import { demoAnchorFor } from '../../src/server/seed.js';
import { startTestServer, type TestServer } from '../../src/server/test-support/test-server.js';
import { ARTIFACTS, buildWorkspace, e2eSkipReason, openBrowser } from './support.js';

const skip = e2eSkipReason();
const CURTOIS_INSTANCE1 = fileURLToPath(
  new URL('../../../shared/data/or/curtois-shift-scheduling-1-24/txt/Instance1.txt', import.meta.url),
);

// Elements sticking out to the right of the viewport (scrollable containers may hold wide tables); run in the page.
const OFFENDERS = `[...document.querySelectorAll('body *')]
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
  .filter((el) => !el.closest('.grid-scroll, .tabs, table.grid:not(.compact), pre, dialog'))
  .slice(0, 8)
  .map((el) => el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right))`;

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

  it('shows the decision-support cards, and records an accept and an override as CDS feedback', async () => {
    await page.goto(`${server.url}/#/patients/showcase-sepsis/cards`);
    await page.getByRole('heading', { name: /Decision support cards \(\d+\)/ }).waitFor({ timeout: 30_000 });
    const cards = page.locator('li.cds-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    const first = cards.nth(0);
    await first.getByRole('button', { name: 'Accept' }).click();
    await first.getByText(/Accepted.*Recorded as CDS feedback/).waitFor();
    const name = (await cards.last().getAttribute('aria-label')) ?? '';
    const withReasons = page.getByRole('listitem', { name, exact: true });
    await withReasons.getByRole('button', { name: 'Override…' }).click();
    const reason = withReasons.getByLabel('Reason');
    let label = '';
    if ((await reason.count()) > 0) {
      const chosen = (await reason.locator('option').count()) > 1 ? 1 : 0;
      label = (await reason.locator('option').nth(chosen).textContent()) ?? '';
      await reason.selectOption({ index: chosen });
    }
    await withReasons.getByRole('button', { name: 'Confirm override' }).click();
    await withReasons.getByText(label ? `Overridden: ${label}` : 'Overridden', { exact: false }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'patient-cards.png'), fullPage: true });
    const stats = (await (await fetch(`${server.url}/api/cds/feedback/stats`)).json()) as { total: number };
    expect(stats.total).toBeGreaterThanOrEqual(2);
    // The recorded state survives a reload (same advice, same card).
    await page.reload();
    await page
      .getByText(/Accepted.*Recorded as CDS feedback/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
  });

  it('shows the summary with citations that open their source, and says how to configure a model', async () => {
    await page.goto(`${server.url}/#/patients/showcase-sepsis/summary`);
    await page.getByRole('heading', { name: 'Patient summary' }).waitFor({ timeout: 30_000 });
    await page.getByText('No language model is configured.').waitFor();
    await page.getByText('deterministic-template (no language model)', { exact: true }).waitFor();
    await page.getByRole('complementary', { name: 'Verification report' }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'patient-summary.png'), fullPage: true });
    await page.locator('button.citation').nth(1).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect
      .poll(async () => dialog.locator('pre.json').textContent(), { timeout: 10_000 })
      .toContain('resourceType');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(problems).toEqual([]);
  });

  it('shows the medication alerts of the warfarin + NSAID showcase, with tier and reference', async () => {
    await page.goto(`${server.url}/#/patients/showcase-warfarin-nsaid/alerts`);
    await page.getByRole('heading', { name: /Medication alerts \(\d+\)/ }).waitFor({ timeout: 30_000 });
    const interaction = page.locator('li.alert', { hasText: 'interaction' }).first();
    await interaction.waitFor();
    expect(await interaction.textContent()).toMatch(/warfarin/i);
    expect(await interaction.locator('footer').textContent()).toMatch(/Rule .+ · knowledge .+/);
    await page.screenshot({ path: join(ARTIFACTS, 'patient-med-alerts.png'), fullPage: true });
    // The same alerts are cards the clinician can accept or override.
    await page.getByRole('link', { name: 'Accept or override these alerts on the Cards tab' }).click();
    const card = page.locator('li.cds-card', { hasText: /warfarin.*naproxen|naproxen.*warfarin/i }).first();
    await card.waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Override…' }).click();
    await card.getByRole('button', { name: 'Confirm override' }).click();
    await card.getByText(/Overridden.*Recorded as CDS feedback/).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the differential and re-ranks it when a finding is toggled', async (ctx) => {
    await page.goto(`${server.url}/#/patients/showcase-sepsis/diagnosis`);
    await page.getByRole('heading', { name: 'Differential diagnosis' }).waitFor();
    const firstProbability = page.locator('.ddx-layout tbody tr').first().locator('td.num');
    await firstProbability.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'patient-diagnosis.png'), fullPage: true });
    // The interactive API (`POST /api/ddx/patient`, `GET /api/ddx/findings`) is the diagnosis engine's; probe it without
    // the browser, so that a missing route does not show up as a console error.
    const probe = await fetch(`${server.url}/api/ddx/patient`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ patientId: 'showcase-sepsis', findings: [] }),
    });
    if (!probe.ok) {
      ctx.skip('POST /api/ddx/patient (finding overrides) is not available yet; the differential itself was checked');
      return;
    }
    const rows = async (): Promise<string> => (await page.locator('.ddx-layout tbody tr').allTextContents()).join('|');
    const before = await rows();
    await page.locator('.ddx-layout ol li').first().getByRole('button', { name: 'present' }).click();
    await expect
      .poll(
        async () => {
          const now = await rows();
          return now !== '' && now !== before;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.getByText(/Your changes/).waitFor();
    // Add a finding by typing: auto-complete from the knowledge base.
    const afterToggle = await rows();
    await page.getByLabel('Add a finding').fill('cough');
    const option = page.locator('#finding-options option').first();
    await option.waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByLabel('Add a finding').fill((await option.getAttribute('value')) ?? '');
    const add = page.getByRole('button', { name: 'Add as present' });
    await expect.poll(async () => add.isEnabled(), { timeout: 30_000 }).toBe(true);
    await add.click();
    await expect
      .poll(
        async () => {
          const now = await rows();
          return now !== '' && now !== afterToggle;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'patient-diagnosis-interactive.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('lays the dashboard out on a 390 px phone screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/#/patients/showcase-sepsis/overview`);
    await page.getByRole('heading', { name: 'Vital signs' }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: /Decision support cards/ }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'patient-overview-390px.png') });
    // Elements that stick out to the right (scrollable containers may hold wide tables).
    const offenders = await page.evaluate<string[]>(OFFENDERS);
    expect(offenders).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(
      0,
    );
    // The patient tabs are reachable with the keyboard.
    await page
      .getByRole('navigation', { name: 'Patient views' })
      .getByRole('link', { name: 'Summary', exact: true })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Patient summary' }).waitFor({ timeout: 30_000 });
    await page.setViewportSize({ width: 1440, height: 1000 });
    expect(problems).toEqual([]);
  });

  it('flags active medication alerts next to the NEWS2 band in the patient list', async () => {
    await page.goto(`${server.url}/#/patients`);
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page
      .locator('.flag', { hasText: /med alert/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.locator('.flag', { hasText: /NEWS2/ }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'patient-list-flags.png'), fullPage: true });
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

  it('lists who accessed which patient in the audit view', async () => {
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { name: /Audit/ }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'audit.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});

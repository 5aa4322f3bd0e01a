import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';

/** Debian's Chromium, which .ci/run installs with apt-get. */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Why the end-to-end tests cannot run here, or null when they can (under CI=true a missing browser is an error). */
export function e2eSkipReason(): string | null {
  if (existsSync(CHROMIUM)) return null;
  if (process.env['CI'] === 'true') {
    throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium (apt-get install chromium)`);
  }
  return `${CHROMIUM} is not installed (apt-get install chromium); skipping the browser tests`;
}

/** Builds the workspace into web/dist, as `npm run build` does, so that the server under test serves it. */
export async function buildWorkspace(): Promise<void> {
  // vitest sets NODE_ENV=test, which would bundle React's development build; test what users get.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'silent',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

/** A headless Chromium page that records console errors and failed requests (a test fails on any of them). */
export async function openBrowser(): Promise<{ browser: Browser; page: Page; problems: string[] }> {
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { browser, page, problems };
}

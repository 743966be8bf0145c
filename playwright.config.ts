import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
const PORT = 3100; // not 3000, so a learner's running `next dev` does not clash
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium when present (Playwright cannot download browsers here); otherwise Playwright's own.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its outputDir before a run: keep it off test-results/ itself, where unit.json lives.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: CI ? 1 : 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  // An array so more servers (e.g. a local Todoist stand-in) can be added later.
  // `npm run test:e2e` runs `next build` first.
  webServer: [
    {
      command: `npx next start -p ${PORT} -H 127.0.0.1`,
      url: baseURL,
      reuseExistingServer: !CI,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});

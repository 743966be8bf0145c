import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
const PORT = 3100; // not 3000, so a learner's running `next dev` does not clash
const baseURL = `http://127.0.0.1:${PORT}`;
// The Todoist stand-in: the real backend's HTTP API, served from the mock, so "real" tests need no account.
const STANDIN_PORT = 4011;
const STANDIN_TOKEN = 'e2e-token';

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
  // The stand-in first: the app's real backend points at it.
  // `npm run test:e2e` runs `next build` first.
  webServer: [
    {
      command: `npx tsx scripts/todoist-standin.ts --port ${STANDIN_PORT} --token ${STANDIN_TOKEN} --size small --seed 1 --quiet`,
      url: `http://127.0.0.1:${STANDIN_PORT}/__dojo/state`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `npx next start -p ${PORT} -H 127.0.0.1`,
      url: baseURL,
      reuseExistingServer: !CI,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        // The real backend talks to the stand-in, with the token it requires.
        TODOIST_API_BASE_URL: `http://127.0.0.1:${STANDIN_PORT}/api/v1`,
        TODOIST_API_TOKEN: STANDIN_TOKEN,
        // The settings page saves here, never in the learner's own settings file.
        DOJO_SETTINGS_PATH: 'test-results/e2e-settings.json',
      },
    },
  ],
});

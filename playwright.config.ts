import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { APP_PORT, CONFIGURED_APP_PORT, STANDIN_PORT, STANDIN_TOKEN } from './e2e/support/servers';

const CI = !!process.env.CI;
// Not 3000, so a learner's running `next dev` does not clash.
const baseURL = `http://127.0.0.1:${APP_PORT}`;

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
  // `npm run test:e2e` runs `next build` first. Two apps from the same build: one as a newcomer has it
  // (no token: the lessons' real backend is the app's own stand-in), one with a token configured.
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
      command: `npx next start -p ${APP_PORT} -H 127.0.0.1`,
      url: baseURL,
      reuseExistingServer: !CI,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
      // No token anywhere: not in the environment, not in a settings file.
      env: { TODOIST_API_TOKEN: '', TODOIST_API_KEY: '', TODOIST_API_BASE_URL: '', DOJO_SETTINGS_PATH: 'test-results/e2e-settings-newcomer.json' },
    },
    {
      command: `npx next start -p ${CONFIGURED_APP_PORT} -H 127.0.0.1`,
      url: `http://127.0.0.1:${CONFIGURED_APP_PORT}`,
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

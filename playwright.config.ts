import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { APP_PORT, CONFIGURED_APP_PORT, E2E_DOJO_SECRET, E2E_LOG_DIR, STANDIN_PORT, STANDIN_TOKEN } from './e2e/support/servers';

const CI = !!process.env.CI;
// Not 3000, so a learner's running `next dev` does not clash.
const baseURL = `http://127.0.0.1:${APP_PORT}`;

// Debian's Chromium when present (Playwright cannot download browsers here); otherwise Playwright's own.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * A server's stdout and stderr go to test-results/e2e-logs/<name>.log (look there when one fails to start):
 * Playwright's `stdout: 'pipe'` keeps nothing, and the token-exposure check greps these logs after the run.
 * `exec` leaves the server itself as the process Playwright stops.
 */
const logged = (name: string, command: string) => `mkdir -p ${E2E_LOG_DIR} && exec ${command} > ${E2E_LOG_DIR}/${name}.log 2>&1`;

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its outputDir before a run: keep it off test-results/ itself, where unit.json lives.
  outputDir: 'test-results/e2e-artifacts',
  // Clears the previous run's response bodies (e2e/support/test.ts writes them; scripts/check-secret-exposure.ts reads them).
  globalSetup: './e2e/support/global-setup.ts',
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
  // (no token: the lessons' real backend is the app's own stand-in), one with a token configured. Both apps share a
  // fixed DOJO_SECRET, so the token-exposure check can derive their keys; the command-line stand-in keeps a random
  // one of its own (its OAuth app is not theirs, and its client secret goes to a file of its own).
  webServer: [
    {
      command: logged('standin', `npx tsx scripts/todoist-standin.ts --port ${STANDIN_PORT} --token ${STANDIN_TOKEN} --size small --seed 1 --quiet`),
      url: `http://127.0.0.1:${STANDIN_PORT}/__dojo/state`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      env: { DOJO_SECRET: '' },
    },
    {
      command: logged('app', `npx next start -p ${APP_PORT} -H 127.0.0.1`),
      url: baseURL,
      reuseExistingServer: !CI,
      timeout: 120_000,
      // No token anywhere: not in the environment, not in a settings file.
      env: {
        TODOIST_API_TOKEN: '',
        TODOIST_API_KEY: '',
        TODOIST_API_BASE_URL: '',
        DOJO_SETTINGS_PATH: 'test-results/e2e-settings-newcomer.json',
        DOJO_SECRET: E2E_DOJO_SECRET,
        // Lesson 7's noisy neighbour: with the default 20 calls/s refill, a busy CI machine can serve the flood
        // so slowly that the bucket never empties. 2/s keeps the burst of 60; only the flood goes past it.
        DOJO_RATE_LIMIT_PER_SECOND: '2',
      },
    },
    {
      command: logged('configured-app', `npx next start -p ${CONFIGURED_APP_PORT} -H 127.0.0.1`),
      url: `http://127.0.0.1:${CONFIGURED_APP_PORT}`,
      reuseExistingServer: !CI,
      timeout: 120_000,
      env: {
        // The real backend talks to the stand-in, with the token it requires.
        TODOIST_API_BASE_URL: `http://127.0.0.1:${STANDIN_PORT}/api/v1`,
        TODOIST_API_TOKEN: STANDIN_TOKEN,
        // The settings page saves here, never in the learner's own settings file.
        DOJO_SETTINGS_PATH: 'test-results/e2e-settings.json',
        DOJO_SECRET: E2E_DOJO_SECRET,
      },
    },
  ],
});

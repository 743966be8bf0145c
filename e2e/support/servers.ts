/**
 * The two app servers the e2e run starts (see playwright.config.ts):
 * - the default one, with NO Todoist token — what a newcomer has: the real backend of the lessons reaches the
 *   app's built-in Todoist stand-in;
 * - a second one with a token configured in the environment, pointing at the command-line stand-in — for the
 *   specs about configuration precedence and a configured account. Use it with `test.use({ baseURL: CONFIGURED_APP })`.
 */
export const APP_PORT = 3100;
export const CONFIGURED_APP_PORT = 3101;
export const CONFIGURED_APP = `http://127.0.0.1:${CONFIGURED_APP_PORT}`;
export const STANDIN_PORT = 4011;
export const STANDIN_TOKEN = 'e2e-token';
export const STANDIN_API = `http://127.0.0.1:${STANDIN_PORT}/api/v1`;

/**
 * The server secret of the e2e apps: fixed, so the token-exposure check (scripts/check-secret-exposure.ts) can
 * derive the same signing key, vault key and stand-in client secret the apps use, and look for them.
 * A test value only: a deployment sets its own DOJO_SECRET.
 */
export const E2E_DOJO_SECRET = 'e2e-only-dojo-secret-never-used-outside-tests-0123456789';
/** Each e2e server's stdout and stderr (playwright.config.ts), scanned after the run. */
export const E2E_LOG_DIR = 'test-results/e2e-logs';
/** Every response body the browser received during the run (e2e/support/test.ts), scanned after the run. */
export const E2E_BODIES_DIR = 'test-results/e2e-bodies';

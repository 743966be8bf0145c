/**
 * Serves the mock Todoist API over HTTP on loopback.
 *
 *   npm run todoist:standin -- --port 4010 --token T --scenario faithful --size small --seed 1
 *
 * Then: TODOIST_API_BASE_URL=http://127.0.0.1:4010/api/v1 TODOIST_API_TOKEN=T npm run dev
 *
 * It also speaks Todoist's OAuth (consent page with sample users at
 * /oauth/authorize, /oauth/access_token, /api/v1/revoke). The client id of
 * its one app, `mcp-dojo`, is printed; its secret is written to a file
 * only the current user can read (never to the terminal or a log), for the
 * app's TODOIST_CLIENT_SECRET. The secret derives from DOJO_SECRET when set
 * (so it stays the same across restarts), else it is new each start.
 *
 * Webhooks: POST /__dojo/webhook {"callbackUrl": "...", "faults": {...}} points
 * the backend's account at an app's receiver; every change is then delivered
 * there, signed with that same client secret (OAuth accounts register theirs
 * from the server, see registerAccountWebhook).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serverSecret } from '@/lib/identity/learner';
import { createMockBackend } from '@/lib/mock/backend';
import { DATASET_SIZES, type DatasetSize } from '@/lib/mock/dataset';
import { SCENARIO_NAMES, type ScenarioName } from '@/lib/mock/scenarios';
import { startStandin } from '@/lib/mock/standin';
import { createStandinOAuth } from '@/lib/mock/standin-oauth';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';
import { deliverThrough } from '@/lib/mock/webhook-outbox';
import { createWebhookSender } from '@/lib/mock/webhook-sender';
import { errorText } from '@/lib/todoist/errors';
import { MemoryStateStore } from '@/lib/state';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    scenario: { type: 'string', default: 'faithful' },
    size: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    quiet: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`todoist-standin: ${message}`);
  process.exit(2);
}

const scenario = values.scenario as ScenarioName;
if (!SCENARIO_NAMES.includes(scenario)) fail(`unknown --scenario "${values.scenario}"; one of: ${SCENARIO_NAMES.join(', ')}`);
const size = values.size as DatasetSize;
if (!(size in DATASET_SIZES)) fail(`unknown --size "${values.size}"; one of: ${Object.keys(DATASET_SIZES).join(', ')}`);
const port = Number(values.port);
const seed = Number(values.seed);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${values.port}"`);
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`);

const backend = createMockBackend({ size, seed, scenario, token: values.token });
const secret = serverSecret();
const app = standinOAuthApp(secret);
// The sample accounts and OAuth codes and tokens of this process; they go when it stops.
const accounts = new MemoryStateStore({ idleMs: 24 * 60 * 60_000, maxEntries: 10_000 });
// Deliveries are signed with the app's client secret, as Todoist signs its apps' webhooks.
const webhooks = createWebhookSender({ clientSecret: app.clientSecret });
const deliverWebhooks = deliverThrough(webhooks, (error) => console.error(`todoist-standin: webhook not sent: ${errorText(error)}`));
const standin = await startStandin({
  backend,
  port,
  host: values.host,
  log: values.quiet ? undefined : (line) => console.log(line),
  oauth: createStandinOAuth({ store: accounts, secret, deliverWebhooks }),
  deliverWebhooks,
});
console.log(
  `Todoist stand-in on ${standin.baseUrl} — scenario "${scenario}", ${backend.store.activeTasks().length} tasks (size ${size}, seed ${seed})` +
    (values.token ? ', bearer token required' : ', any bearer token accepted'),
);
// The app needs the client secret to sign in here; a secret never goes to a terminal or a log, so it goes to a 0600 file.
const secretFile = join(tmpdir(), `mcp-dojo-standin-${new URL(standin.origin).port}.client-secret`);
writeFileSync(secretFile, app.clientSecret, { mode: 0o600 });
console.log(
  `OAuth: consent page ${standin.origin}/oauth/authorize (sample users), token ${standin.origin}/oauth/access_token, revoke ${standin.baseUrl}/revoke\n` +
    `  TODOIST_OAUTH_URL=${standin.origin} TODOIST_API_BASE_URL=${standin.baseUrl} TODOIST_CLIENT_ID=${app.clientId} TODOIST_CLIENT_SECRET="$(cat ${secretFile})"`,
);
console.log(
  `Webhooks: curl -X POST ${standin.origin}/__dojo/webhook -d '{"callbackUrl":"http://127.0.0.1:3000/api/webhooks/todoist"}' ` +
    `(the account's user id is in ${standin.origin}/__dojo/state)`,
);
const stop = () => {
  webhooks.close();
  return standin.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

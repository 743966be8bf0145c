/**
 * Serves the mock Todoist API over HTTP on loopback.
 *
 *   npm run todoist:standin -- --port 4010 --token T --scenario faithful --size small --seed 1
 *
 * Then: TODOIST_API_BASE_URL=http://127.0.0.1:4010/api/v1 TODOIST_API_TOKEN=T npm run dev
 */
import { parseArgs } from 'node:util';
import { createMockBackend } from '@/lib/mock/backend';
import { DATASET_SIZES, type DatasetSize } from '@/lib/mock/dataset';
import { SCENARIO_NAMES, type ScenarioName } from '@/lib/mock/scenarios';
import { startStandin } from '@/lib/mock/standin';

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
const standin = await startStandin({
  backend,
  port,
  host: values.host,
  log: values.quiet ? undefined : (line) => console.log(line),
});
console.log(
  `Todoist stand-in on ${standin.baseUrl} — scenario "${scenario}", ${backend.store.activeTasks().length} tasks (size ${size}, seed ${seed})` +
    (values.token ? ', bearer token required' : ', any bearer token accepted'),
);
const stop = () => standin.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

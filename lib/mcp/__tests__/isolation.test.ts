/**
 * Tenants never mix: 20 tenants × 50 interleaved calls through one endpoint,
 * one store, one shared resilience layer (breakers, last-good caches) and
 * one rate limiter.
 *
 * - 10 signed-in users (the SDK client's real OAuth flow through this app's
 *   authorization server and the stand-in's consent page, one sample user
 *   each), calling their own stand-in account (`backend=real`) and their own
 *   mock workspace;
 * - 10 local learners (signed learner ids), calling their mock workspace —
 *   half of them under the `flaky` fault, so retries, breakers and stale
 *   answers from the cache happen — and their stand-in sample account.
 *
 * Each user's stand-in account has ids of its own (a dataset seed per sample
 * user); mock workspaces all start from one dataset, so only the tenant keeps
 * them apart; and every tenant writes tasks named after itself. Calls go round-robin over
 * both protocol eras and three clients. Checked on every response: its
 * provenance names its own tenant, and it contains no id and no task name
 * of any other tenant.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAuthorizationServer } from '@/lib/auth/authorization-server';
import { standinUpstream } from '@/lib/auth/app-server';
import { memorySdkProvider, signInThroughStandin } from '@/lib/auth/__tests__/sdk-sign-in';
import { issueLearnerId, verifyLearnerId } from '@/lib/identity/learner';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { generateDataset } from '@/lib/mock/dataset';
import { SAMPLE_USERS } from '@/lib/mock/sample-users';
import { STANDIN_MOUNT_PATH } from '@/lib/mock/standin-oauth-app';
import { MemoryStateStore } from '@/lib/state';
import { builtinStandinHandler, servedUnder, startBuiltinStandin } from '../http/builtin-standin';
import { createMcpEndpoint } from '../http/endpoint';
import { endpointAuthFrom } from '../http/endpoint-auth';
import { PROVENANCE_META_KEY, type Provenance } from '../provenance';
import { ERAS, connectEra, type EraClient } from './eras';

const TENANTS_PER_KIND = 10;
const CALLS_PER_TENANT = 50;
const CONCURRENCY = 10;
const REDIRECT = 'http://127.0.0.1:9/isolation/callback';
/** The built-in stand-in's sample account for learners (lib/mcp/http/builtin-standin.ts): the same dataset for all. */
const LEARNER_STANDIN_SEED = 1;
/**
 * Every tenant's mock workspace starts from the same dataset, with the same settings: only the tenant tells
 * their workspaces, breakers and caches apart — so a store key that forgot the tenant would show here.
 */
const SHARED_MOCK_SEED = 10;

const secret = Buffer.from('isolation test secret');
const store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 100_000, sweepEveryMs: 0 });
let standin: Awaited<ReturnType<typeof startBuiltinStandin>>;
let app: RunningServer;

interface TestTenant {
  index: number;
  key: string;
  /** Sent with every request: a bearer token, or nothing (learners carry their id in the URL). */
  headers: Record<string, string>;
  /** The query of each backend this tenant calls. */
  backends: string[];
  /** Dataset seeds whose ids are this tenant's own. */
  seeds: number[];
  clients: Map<string, EraClient>;
}

const tenants: TestTenant[] = [];

beforeAll(async () => {
  standin = await startBuiltinStandin(store, secret);
  const as = createAuthorizationServer({ store, secret, env: {}, upstream: async (origin) => standinUpstream(standin, origin) });
  const endpoint = createMcpEndpoint({
    store,
    secret,
    policy: { origins: [], hosts: [] },
    loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
    standin: async () => standin,
    auth: endpointAuthFrom(as, async () => standin.baseUrl),
    // Fast faults, so breakers open and stale answers are served within the test.
    resilience: { deadlineMs: 2_000, retry: { maxAttempts: 2, baseMs: 1, capMs: 2 } },
    rateLimit: { burst: 1_000, perSecond: 1_000 },
  });
  const standinMount = servedUnder(STANDIN_MOUNT_PATH, builtinStandinHandler(store, secret, {}));
  app = await serveFetch(async (request) => {
    const answered = await as.fetch(request);
    if (answered) return answered;
    if (new URL(request.url).pathname.startsWith(`${STANDIN_MOUNT_PATH}/`)) return standinMount(request);
    return endpoint(request);
  });

  for (const [index, sample] of SAMPLE_USERS.slice(0, TENANTS_PER_KIND).entries()) {
    const { provider, saved } = memorySdkProvider(REDIRECT);
    await signInThroughStandin(provider, `${app.origin}/api/mcp`, REDIRECT, sample.id);
    const { access_token } = saved.tokens as { access_token: string };
    tenants.push({
      index,
      key: `user-standin-${sample.id}`,
      headers: { Authorization: `Bearer ${access_token}` },
      backends: ['backend=real', `backend=mock&seed=${SHARED_MOCK_SEED}`],
      seeds: [sample.seed, SHARED_MOCK_SEED],
      clients: new Map(),
    });
  }
  for (let i = 0; i < TENANTS_PER_KIND; i += 1) {
    const learner = issueLearnerId(secret);
    const scenario = i % 2 === 0 ? 'flaky' : 'faithful';
    tenants.push({
      index: TENANTS_PER_KIND + i,
      key: verifyLearnerId(learner, secret)!.key,
      headers: {},
      backends: [`backend=mock&seed=${SHARED_MOCK_SEED}&scenario=${scenario}&learner=${learner}`, `backend=real&upstream=standin&learner=${learner}`],
      seeds: [SHARED_MOCK_SEED, LEARNER_STANDIN_SEED],
      clients: new Map(),
    });
  }
}, 120_000);

afterAll(async () => {
  for (const tenant of tenants) for (const client of tenant.clients.values()) await client.close().catch(() => undefined);
  await app?.close();
  await standin?.close();
  store.close();
});

/** Which tenant owns each id: every object of every tenant's datasets (the learners' shared sample account excepted). */
function idOwners(): Map<string, Set<number>> {
  const owners = new Map<string, Set<number>>();
  for (const tenant of tenants) {
    for (const seed of tenant.seeds) {
      // Datasets every tenant starts from tell nothing; the names each tenant writes do (checked below).
      if (seed === LEARNER_STANDIN_SEED || seed === SHARED_MOCK_SEED) continue;
      const dataset = generateDataset({ size: 'small', seed });
      for (const object of [...dataset.tasks, ...dataset.projects, ...dataset.sections, ...dataset.comments]) {
        if (!owners.has(object.id)) owners.set(object.id, new Set());
        owners.get(object.id)!.add(tenant.index);
      }
    }
  }
  return owners;
}

/** A tenant's calls: mixed tools, reads and writes, over both of its backends. */
function callsOf(tenant: TestTenant): Array<{ backend: string; tool: string; args: Record<string, unknown> }> {
  const ownTask = generateDataset({ size: 'small', seed: tenant.seeds[0]! }).tasks[3]!.id;
  const tools: Array<[string, Record<string, unknown>]> = [
    ['list_tasks', {}],
    ['get_overview', {}],
    ['list_projects', {}],
    ['filter_tasks', { query: 'today | overdue' }],
    ['create_task', {}],
  ];
  return Array.from({ length: CALLS_PER_TENANT }, (_, n) => {
    const [tool, args] = tools[n % tools.length]!;
    const backend = tenant.backends[Math.floor(n / tools.length) % tenant.backends.length]!;
    if (tool === 'create_task') return { backend, tool, args: { content: `iso-${tenant.index}-${n} private` } };
    if (n === 7 && backend === tenant.backends[0]) return { backend, tool: 'get_task', args: { task_id: ownTask } };
    return { backend, tool, args };
  });
}

async function clientFor(tenant: TestTenant, backend: string, era: (typeof ERAS)[number]): Promise<EraClient> {
  const key = `${era} ${backend}`;
  let client = tenant.clients.get(key);
  if (!client) {
    client = await connectEra(era, new URL(`${app.origin}/api/mcp?${backend}&workspace=isolation`), tenant.headers);
    tenant.clients.set(key, client);
  }
  return client;
}

it('20 tenants × 50 interleaved calls: no answer carries another tenant\'s data, and each names its own tenant', async () => {
  const owners = idOwners();
  // Interleave: call n of every tenant, then call n+1 of every tenant, …
  const perTenant = tenants.map((tenant) => callsOf(tenant).map((call) => ({ tenant, ...call })));
  const queue = Array.from({ length: CALLS_PER_TENANT }, (_, n) => perTenant.map((calls) => calls[n]!)).flat();
  const problems: string[] = [];
  const sources = new Map<string, number>();
  let next = 0;

  async function worker(): Promise<void> {
    for (let position = next++; position < queue.length; position = next++) {
      const { tenant, backend, tool, args } = queue[position]!;
      const era = ERAS[position % ERAS.length]!;
      const result = await (await clientFor(tenant, backend, era)).call(tool, args);
      const provenance = result._meta?.[PROVENANCE_META_KEY] as Provenance | undefined;
      const where = `${tenant.key} ${era} ${backend.split('&learner')[0]} ${tool}`;
      sources.set(`${provenance?.backend}/${provenance?.upstream}/${provenance?.source}`, (sources.get(`${provenance?.backend}/${provenance?.upstream}/${provenance?.source}`) ?? 0) + 1);
      if (provenance?.tenant !== tenant.key) problems.push(`${where}: provenance names ${provenance?.tenant}`);
      const body = JSON.stringify(result);
      for (const id of body.match(/\b[0-9A-Za-z]{16}\b/g) ?? []) {
        const owner = owners.get(id);
        if (owner && !owner.has(tenant.index)) problems.push(`${where}: id ${id} of tenant ${[...owner].join(',')}`);
      }
      for (const [, other] of body.matchAll(/iso-(\d+)-\d+/g)) {
        if (Number(other) !== tenant.index) problems.push(`${where}: the task name of tenant ${other}`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  expect(problems).toEqual([]);
  expect(queue).toHaveLength(20 * 50);
  // The run exercised what it claims: live mock and stand-in answers, and stale ones from the shared cache layer.
  expect(sources.get('mock/mock/live')).toBeGreaterThan(0);
  expect(sources.get('real/standin/live')).toBeGreaterThan(0);
  expect(sources.get('mock/mock/cache') ?? 0).toBeGreaterThan(0);
}, 180_000);

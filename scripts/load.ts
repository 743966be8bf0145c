/**
 * MCP Dojo load and memory figures (issue 9): throughput of `list_tasks` under 50 concurrent clients per protocol
 * era, the memory an idle learner costs (RSS after a forced GC, before and after eviction), and what a 100 MB
 * `initialize` does. A script that prints figures, not a test: nothing here passes or fails on timing.
 *
 *   flock /tmp/dojo-build.lock npm run load                  # starts `next start` on a free port (expects .next)
 *   flock /tmp/dojo-build.lock npm run load -- --build       # runs `next build` first
 *   npm run load -- --url http://127.0.0.1:3000 --inspect-port 9230 [--idle-ms 5000]   # a server already running
 *   … --eras 2026-07-28   only that era's throughput block
 *   … --profile     CPU-profiles the server during each throughput block (a .cpuprofile in the temp dir + a summary)
 *   … --room        the workshop room on two instances sharing Redis instead (scripts/load-room.ts has its options)
 *
 * Everything goes to 127.0.0.1 only, every loop is bounded, and the script stops by itself (hard limit 25 min).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postBigInitialize } from './load.body';
import { connectClient, errorText, inPool, mcpEndpoint, newLearnerId, type Era, type LoadClient } from './load.clients';
import { Inspector, mb, readRssKb, sampleMemory, type MemorySample } from './load.memory';
import { processCpuMs, startProfile, stopProfile, summariseProfile } from './load.profile';
import { startNextServer, targetRunningServer, type ServerUnderLoad } from './load.server';

// `--room`: the workshop room under load on a cluster (scripts/load-room.ts), with its own options.
if (process.argv.includes('--room')) {
  const { runRoomLoad } = await import('./load-room');
  process.exit(await runRoomLoad(process.argv.slice(2)));
}

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    'inspect-port': { type: 'string' },
    build: { type: 'boolean', default: false },
    clients: { type: 'string', default: '50' },
    calls: { type: 'string', default: '100' },
    learners: { type: 'string', default: '500' },
    'idle-ms': { type: 'string' },
    'body-mb': { type: 'string', default: '100' },
    profile: { type: 'boolean', default: false },
    eras: { type: 'string', default: '2025-11-25,2026-07-28' },
  },
});

const CLIENTS = Number(args.clients);
const CALLS = Number(args.calls);
const LEARNERS = Number(args.learners);
const BODY_BYTES = Number(args['body-mb']) * 1024 * 1024;
/** The idle time after which the server drops a workspace: ours when we start it, the caller's word with --url. */
const IDLE_MS = args['idle-ms'] !== undefined ? Number(args['idle-ms']) : args.url ? undefined : 5_000;
const HARD_LIMIT_MS = 25 * 60_000;
const QUERY = { backend: 'mock', size: 'small' } as const;

const log = (line = '') => console.log(line);
const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : '—');

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

class ErrorLog {
  count = 0;
  readonly first: string[] = [];
  add(text: string) {
    this.count++;
    if (this.first.length < 3 && !this.first.includes(text)) this.first.push(text);
  }
}

async function bringUpServer(): Promise<ServerUnderLoad> {
  if (args.url) return targetRunningServer(args.url, args['inspect-port'] ? Number(args['inspect-port']) : undefined);
  if (args.build) {
    log('next build …');
    const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  }
  return startNextServer({ cwd: process.cwd(), env: { DOJO_WORKSPACE_IDLE_MS: String(IDLE_MS) }, log });
}

/** One learner id per client on the per-request server; none on the sessionful one (a session is its identity). */
async function learnerIds(server: ServerUnderLoad, count: number): Promise<Array<string | undefined>> {
  if (server.kind !== 'v2') return Array.from({ length: count }, () => undefined);
  const ids: string[] = [];
  await inPool(count, 10, async () => void ids.push(await newLearnerId(server.origin)));
  return ids;
}

async function warmUp(server: ServerUnderLoad): Promise<Era[]> {
  const [learner] = await learnerIds(server, 1);
  const eras: Era[] = [];
  for (const era of ['2025-11-25', '2026-07-28'] as const) {
    const client = await connectClient(era, mcpEndpoint(server.origin, { ...QUERY, learner }));
    for (let i = 0; i < 5; i++) await client.callTool('list_tasks');
    await client.close();
    if (client.protocolVersion === era) eras.push(era);
    else log(`  ${era} client negotiated ${client.protocolVersion}: this server does not serve ${era}; its block is skipped.`);
  }
  return eras;
}

async function throughput(server: ServerUnderLoad, era: Era, inspector: Inspector | undefined) {
  const ids = await learnerIds(server, CLIENTS);
  const latencies: number[] = [];
  const firstCalls: number[] = [];
  const connects: number[] = [];
  const errors = new ErrorLog();
  const toolErrors = new ErrorLog();
  const profiling = args.profile && inspector ? inspector : undefined;
  if (profiling) await startProfile(profiling);
  const serverCpuBefore = server.pid ? processCpuMs(server.pid) : undefined;
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    ids.map(async (learner) => {
      let client: LoadClient;
      const connectStarted = performance.now();
      try {
        client = await connectClient(era, mcpEndpoint(server.origin, { ...QUERY, learner }));
        connects.push(performance.now() - connectStarted);
      } catch (error) {
        errors.add(`connect: ${errorText(error)}`);
        return;
      }
      for (let i = 0; i < CALLS; i++) {
        const callStarted = performance.now();
        try {
          const result = await client.callTool('list_tasks');
          latencies.push(performance.now() - callStarted);
          if (i === 0) firstCalls.push(performance.now() - callStarted);
          if (result.isError) toolErrors.add(result.text.slice(0, 200));
        } catch (error) {
          errors.add(errorText(error));
        }
      }
      await client.close().catch((error: unknown) => errors.add(`close: ${errorText(error)}`));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const serverCpuMs = server.pid && serverCpuBefore !== undefined ? processCpuMs(server.pid) - serverCpuBefore : undefined;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const ownCpuMs = (ownCpu.user + ownCpu.system) / 1000;
  let profileLines: string[] = [];
  if (profiling) {
    const file = join(tmpdir(), `dojo-load-server-${era}.cpuprofile`);
    profileLines = [`   CPU profile of the server: ${file}`, ...summariseProfile(await stopProfile(profiling, file), latencies.length)];
  }
  latencies.sort((a, b) => a - b);
  firstCalls.sort((a, b) => a - b);
  connects.sort((a, b) => a - b);

  log(`\n## Throughput — ${era} client (${era === '2025-11-25' ? '@modelcontextprotocol/sdk 1.32' : '@modelcontextprotocol/client 2.4, versionNegotiation auto'})`);
  log(`   ${CLIENTS} concurrent clients × ${CALLS} list_tasks calls (backend=mock, size=small)${server.kind === 'v2' ? ', one learner id each' : ''}`);
  log(`   calls done      ${latencies.length} of ${CLIENTS * CALLS} in ${seconds.toFixed(1)} s (connects included)`);
  log(`   throughput      ${(latencies.length / seconds).toFixed(1)} calls/s`);
  log(`   call latency    p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1) ?? NaN)}`);
  log(`   first call      p50 ${ms(percentile(firstCalls, 50))}  max ${ms(firstCalls.at(-1) ?? NaN)}  (each client's first, included above)`);
  log(`   connect         p50 ${ms(percentile(connects, 50))}  max ${ms(connects.at(-1) ?? NaN)}  (${connects.length} connected)`);
  log(`   errors          ${errors.count}${errors.first.map((text) => `\n     - ${text}`).join('')}`);
  log(`   tool errors     ${toolErrors.count} (isError results)${toolErrors.first.map((text) => `\n     - ${text}`).join('')}`);
  const perCall = (cpuMs: number) => `${(cpuMs / Math.max(1, latencies.length)).toFixed(2)} ms CPU per call (${((cpuMs / 1000 / seconds) * 100).toFixed(0)} % of one core)`;
  if (serverCpuMs !== undefined) log(`   server          ${perCall(serverCpuMs)}`);
  log(`   load generator  ${perCall(ownCpuMs)}`);
  for (const line of profileLines) log(line);
}

async function memory(server: ServerUnderLoad, inspector: Inspector | undefined, eras: Era[]) {
  const pid = server.pid;
  log(`\n## Memory of the serving process${pid ? ` (pid ${pid})` : ''}`);
  if (!pid) return log('   not measured: no process on this machine listens on the URL’s port.');
  if (!inspector) log('   (no inspector: RSS without a forced GC — start the server with --inspect and pass --inspect-port)');
  // The per-request server: a learner is a learner id, served by the 2026-07-28 client when the server speaks it.
  // The sessionful server: a learner is a session (initialize, one call, the GET stream dropped, no DELETE).
  const era: Era = server.kind === 'v2' && eras.includes('2026-07-28') ? '2026-07-28' : '2025-11-25';
  const unit = server.kind === 'v2' ? 'workspace' : 'session';
  const show = (label: string, sample: MemorySample, base?: MemorySample) => {
    const delta = base ? `  (${sample.rssKb - base.rssKb >= 0 ? '+' : ''}${mb(sample.rssKb - base.rssKb)})` : '';
    const heap = sample.heapUsedKb === undefined ? '' : `, heap used ${mb(sample.heapUsedKb)}`;
    log(`   ${label.padEnd(38)} RSS ${mb(sample.rssKb)}${delta}${heap}${sample.gc ? ' — after GC' : ''}`);
  };

  const start = await sampleMemory(pid, inspector);
  show('at start (after warm-up)', start);
  const ids = await learnerIds(server, LEARNERS);
  const errors = new ErrorLog();
  await inPool(LEARNERS, 10, async (index) => {
    try {
      const client = await connectClient(era, mcpEndpoint(server.origin, { ...QUERY, learner: ids[index] }));
      await client.callTool('list_tasks');
      await client.abandon();
    } catch (error) {
      errors.add(errorText(error));
    }
  });
  const loaded = await sampleMemory(pid, inspector);
  show(`after ${LEARNERS} learners (${era} client)`, loaded, start);
  if (errors.count > 0) log(`   errors ${errors.count}${errors.first.map((text) => `\n     - ${text}`).join('')}`);
  const perLearner = (sample: MemorySample, base: MemorySample, key: 'rssKb' | 'heapUsedKb') =>
    sample[key] === undefined || base[key] === undefined ? '—' : `${((sample[key] - base[key]) / LEARNERS).toFixed(1)} KB`;
  log(`   per idle ${unit}: ${perLearner(loaded, start, 'rssKb')} RSS, ${perLearner(loaded, start, 'heapUsedKb')} heap (over all ${LEARNERS})`);
  const live = await inspector?.liveSessionCount();
  if (live !== undefined) {
    const each = (loaded.rssKb - start.rssKb) / Math.max(1, live);
    log(`   the sessionful server keeps ${live} of them (its session cap): ${each.toFixed(1)} KB RSS per live session`);
  }

  if (server.kind !== 'v2') {
    log('   eviction: not available — the sessionful server drops sessions after a fixed 30 min idle (or past its session cap), not configurable.');
    return;
  }
  if (IDLE_MS === undefined) {
    log('   eviction: not measured — pass --idle-ms <the server’s DOJO_WORKSPACE_IDLE_MS> to wait past it.');
    return;
  }
  const waitMs = IDLE_MS + 2_000;
  log(`   waiting ${(waitMs / 1000).toFixed(0)} s (DOJO_WORKSPACE_IDLE_MS=${IDLE_MS}) …`);
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  // Eviction may be lazy (done when the store is next used): one more learner's call gives it the chance.
  const [poke] = await learnerIds(server, 1);
  const client = await connectClient(era, mcpEndpoint(server.origin, { ...QUERY, learner: poke }));
  await client.callTool('list_tasks');
  await client.close();
  const evicted = await sampleMemory(pid, inspector);
  show('after eviction (+1 fresh learner)', evicted, start);
  log(`   kept after eviction per learner: ${perLearner(evicted, start, 'rssKb')} RSS, ${perLearner(evicted, start, 'heapUsedKb')} heap`);
}

async function bodyCap(server: ServerUnderLoad, inspector: Inspector | undefined) {
  log(`\n## Body cap — one ${(BODY_BYTES / 1024 / 1024).toFixed(0)} MB initialize, streamed`);
  for (const framing of ['content-length', 'chunked'] as const) {
    const before = server.pid ? await sampleMemory(server.pid, inspector) : undefined;
    let peakKb = 0;
    const watch = server.pid
      ? setInterval(() => {
          peakKb = Math.max(peakKb, readRssKb(server.pid!));
        }, 100)
      : undefined;
    const started = performance.now();
    const result = await postBigInitialize(mcpEndpoint(server.origin, QUERY), BODY_BYTES, framing);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(watch);
    const after = server.pid ? await sampleMemory(server.pid, inspector) : undefined;
    peakKb = Math.max(peakKb, before?.rssKb ?? 0, after?.rssKb ?? 0);
    log(`   ${framing === 'content-length' ? 'with Content-Length' : 'chunked (no Content-Length)'}:`);
    log(`     status ${result.status ?? 'none'} after ${seconds.toFixed(1)} s, ${(result.bytesSent / 1024 / 1024).toFixed(1)} MB sent${result.error ? `, ${result.error}` : ''}`);
    if (result.answer) log(`     answer ${result.answer.replace(/\s+/g, ' ').slice(0, 200)}`);
    if (before && after) log(`     RSS before ${mb(before.rssKb)}, peak ${mb(peakKb)}, after ${mb(after.rssKb)}${after.gc ? ' (before/after: after GC)' : ''}`);
    if (before?.heapUsedKb !== undefined && after?.heapUsedKb !== undefined) {
      log(`     heap used before ${mb(before.heapUsedKb)}, after ${mb(after.heapUsedKb)}`);
    }
  }
}

async function main() {
  const limit = setTimeout(() => {
    console.error(`load: gave up after ${HARD_LIMIT_MS / 60_000} min`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  limit.unref();

  const server = await bringUpServer();
  const stop = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let inspector: Inspector | undefined;
  try {
    inspector = server.inspectorPort ? await Inspector.connect(server.inspectorPort) : undefined;
    log(`# MCP Dojo load — ${new Date().toISOString()}`);
    log(`server ${server.origin}: ${server.kind === 'v2' ? 'per-request (GET /api/learner answers)' : 'sessionful (no /api/learner)'}, serving pid ${server.pid ?? 'unknown'}`);
    log(`load generator on the same machine: node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    const eras = await warmUp(server);
    await memory(server, inspector, eras);
    for (const era of eras.filter((each) => args.eras.split(',').includes(each))) await throughput(server, era, inspector);
    await bodyCap(server, inspector);
    log(`\nload average at the end: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  } finally {
    inspector?.close();
    await server.stop();
  }
  process.exit(0);
}

await main();

/**
 * The workshop room under load (issue 13): many learners in one room, spread over several instances behind a
 * round-robin proxy that share one Redis, each running lesson 4's `under-a-fault` demo again and again while the
 * presenter switches the room's scenario. Prints figures; nothing here passes or fails on timing.
 *
 *   flock /tmp/dojo-build.lock npm run load -- --room [--build]        # 200 learners × 20 runs, 2 instances, Redis
 *   flock /tmp/dojo-build.lock npm run load -- --room --no-redis       # the same without Redis: what breaks
 *   … --learners 200 --runs 20 --instances 2 --join-concurrency 25 --think-ms 1000 --switch-s 10 --max-minutes 10
 *   … --rounds 2    a second room on the same cluster afterwards: does RSS keep growing, or was it a high-water mark?
 *
 * Errors are what a learner could not get an answer to (transport, HTTP 5xx, JSON-RPC errors, timeouts); a tool
 * result that says "down" or serves stale data is the demo's expected answer, counted by what it was.
 * Everything goes to 127.0.0.1 only, the run stops starting demo runs after --max-minutes, and the script stops
 * itself (and every process it started) after a hard limit.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { errorText, inPool } from './load.clients';
import { Inspector, mb, readRssKb, sampleMemory, type MemorySample } from './load.memory';
import { connectDemoClient, DEMO, observation, Participant, type DemoClient, type RoomAnswer } from './load-room.clients';
import { PresenceWatch } from './load-room.presence';
import { commandsBetween, watchCommandStats, type CommandStats } from './load-room.redis';
import type { EventStream } from './load-room.sse';
import { ErrorLog, Latencies, Tally } from './load-room.stats';
import { startCluster, type Cluster } from './support/cluster';

/** The presenter's cycle: faults a real upstream has, and back. */
const SCENARIO_CYCLE = ['faithful', 'flaky', 'slow', 'down'] as const;
const CALIBRATION_CALLS = 20;
const log = (line = '') => console.log(line);

interface Options {
  learners: number;
  runs: number;
  instances: number;
  redis: boolean;
  build: boolean;
  joinConcurrency: number;
  thinkMs: number;
  switchMs: number;
  maxRunMs: number;
  /** Rooms run one after the other on the same cluster: RSS after round 2 against after round 1 tells growth from a high-water mark. */
  rounds: number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      room: { type: 'boolean', default: true },
      build: { type: 'boolean', default: false },
      'no-redis': { type: 'boolean', default: false },
      learners: { type: 'string', default: '200' },
      runs: { type: 'string', default: '20' },
      instances: { type: 'string', default: '2' },
      'join-concurrency': { type: 'string', default: '25' },
      'think-ms': { type: 'string', default: '1000' },
      'switch-s': { type: 'string', default: '10' },
      rounds: { type: 'string', default: '1' },
      'max-minutes': { type: 'string', default: '10' },
    },
  });
  const whole = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}`);
    return value;
  };
  return {
    learners: whole('learners', 1),
    runs: whole('runs', 1),
    instances: whole('instances', 1),
    redis: !values['no-redis'],
    build: values.build === true,
    joinConcurrency: whole('join-concurrency', 1),
    thinkMs: whole('think-ms', 0),
    switchMs: whole('switch-s', 1) * 1000,
    maxRunMs: whole('max-minutes', 0.1) * 60_000,
    rounds: whole('rounds', 1),
  };
}

/** One simulated learner and what happened to them. */
interface Learner {
  label: string;
  who: Participant;
  seated: boolean;
  stream?: EventStream;
  demo?: DemoClient;
}

/** Everything the run counts, printed at the end. */
class Figures {
  readonly join = new Latencies();
  readonly joinAnswers = new Tally();
  readonly joinErrors = new ErrorLog();
  readonly streamAnswers = new Tally();
  readonly streamErrors = new ErrorLog();
  readonly calls = new Latencies();
  readonly callsByScenario = new Map<string, Latencies>();
  readonly callErrors = new ErrorLog();
  readonly outcomes = new Tally();
  readonly servedIn = new Tally();
  readonly reports = new Latencies();
  readonly reportAnswers = new Tally();
  readonly reportErrors = new ErrorLog();
  readonly controlAnswers = new Tally();
  readonly controlErrors = new ErrorLog();
  readonly switchReach = new Latencies();
  readonly switches: Array<{ scenario: string; revision: number; sentAt: number; reached: number }> = [];
  runsNotStarted = 0;

  byScenario(label: string): Latencies {
    let latencies = this.callsByScenario.get(label);
    if (!latencies) this.callsByScenario.set(label, (latencies = new Latencies()));
    return latencies;
  }
}

/** The scenario the room is in, as the presenter last heard it answered; a call that overlaps a switch is labelled so. */
class ScenarioClock {
  current = 'faithful (the demo’s own)';
  epoch = 0;
  switching = false;
  label(startEpoch: number): string {
    return this.switching || this.epoch !== startEpoch ? 'during a switch' : this.current;
  }
}

export async function runRoomLoad(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const hardLimitMs = options.rounds * (options.maxRunMs + 5 * 60_000) + 5 * 60_000;
  if (options.build) {
    log('next build …');
    const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
  }
  // The cluster's processes are in their own groups: whatever ends this script must end them too.
  const started: { cluster?: Cluster } = {};
  const stopNow = (code: number) => {
    for (const instance of started.cluster?.instances ?? []) void instance.stop(); // sends SIGTERM at once
    void started.cluster?.redis?.stop();
    process.exit(code);
  };
  const limit = setTimeout(() => {
    console.error(`load --room: gave up after ${Math.round(hardLimitMs / 60_000)} min`);
    stopNow(2);
  }, hardLimitMs);
  limit.unref();
  process.once('SIGINT', () => stopNow(130));
  process.once('SIGTERM', () => stopNow(143));

  log(`# MCP Dojo room load — ${new Date().toISOString()}`);
  log(`${options.learners} learners × ${options.runs} runs of ${DEMO.lesson}/${DEMO.demo} (${DEMO.tool}), ${options.instances} instances, ${options.redis ? 'one shared Redis' : 'NO Redis (each instance keeps its own state)'}`);
  log(`load generator on the same machine: node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const cluster = (started.cluster = await startCluster({ instances: options.instances, redis: options.redis, log }));
  const inspectors: Array<Inspector | undefined> = [];
  let stats: CommandStats | undefined;
  try {
    for (const instance of cluster.instances) inspectors.push(instance.inspectorPort ? await Inspector.connect(instance.inspectorPort) : undefined);
    stats = cluster.redis ? await watchCommandStats(cluster.redis.url) : undefined;
    let status = 0;
    for (let round = 1; round <= options.rounds; round++) {
      if (options.rounds > 1) log(`\n# Round ${round} of ${options.rounds}`);
      status = Math.max(status, await workshop(cluster, inspectors, stats, options));
    }
    return status;
  } finally {
    for (const inspector of inspectors) inspector?.close();
    await stats?.close().catch(() => undefined);
    await cluster.stop();
  }
}

async function workshop(cluster: Cluster, inspectors: Array<Inspector | undefined>, stats: CommandStats | undefined, options: Options): Promise<number> {
  const figures = new Figures();
  const watch = new PresenceWatch();
  const scenarioClock = new ScenarioClock();
  const arrivals = new Map<number, number[]>(); // room revision → when each learner's stream heard it
  const started = performance.now();

  // The presenter opens the room and its live view.
  const presenter = new Participant(cluster.origin, cluster.secret);
  const opened = await presenter.post<{ room: { code: string } }>('/api/rooms', {});
  if (!opened.body) {
    log(`\nThe presenter could not open a room: ${opened.status} ${opened.error}`);
    return 1;
  }
  const code = opened.body.room.code;
  const presenterStream = await presenter.events(`/api/rooms/${code}/events`, (event) => {
    if (event.event === 'presence') watch.onPresence(JSON.parse(event.data));
    else if (event.event === 'presence-stale') watch.staleEvents++;
  });
  log(`\nroom ${code} opened (instance ${opened.instance}); the presenter's stream: ${presenterStream.status} (instance ${presenterStream.instance ?? '—'})${presenterStream.error ? ` — ${presenterStream.error}` : ''}`);

  // Warm-up (every route on every instance once) and the cost of one bare MCP call, with the presenter's own demo.
  for (let i = 0; i < options.instances; i++) {
    await presenter.get(`/api/rooms/${code}/presence`);
    await presenter.post(`/api/rooms/${code}/seat`, { join: true }); // refused (the presenter has no seat), loads the route
  }
  const presenterDemo = await connectDemoClient(cluster.origin, presenter.learnerId);
  for (let i = 0; i < 2 * options.instances; i++) await presenterDemo.run();
  const beforeCalibration = await stats?.read();
  for (let i = 0; i < CALIBRATION_CALLS; i++) await presenterDemo.run();
  const afterCalibration = await stats?.read();
  await presenterDemo.close();

  const rssBefore = await sampleAll(cluster, inspectors);

  // Learners join, open their room stream (the room bar's) and connect the lesson panel's MCP client.
  const learners: Learner[] = Array.from({ length: options.learners }, (_, index) => ({
    label: `Load ${String(index + 1).padStart(3, '0')}`,
    who: new Participant(cluster.origin, cluster.secret),
    seated: false,
  }));
  const joinStarted = performance.now();
  await inPool(learners.length, options.joinConcurrency, async (index) => {
    const learner = learners[index]!;
    const sent = performance.now();
    const joined = await learner.who.post<{ seat: { runs: number } }>(`/api/rooms/${code}/seat`, { join: true, name: learner.label });
    figures.join.add(performance.now() - sent);
    figures.joinAnswers.add(joined.status);
    if (!joined.body) figures.joinErrors.add(`${joined.status} (instance ${joined.instance ?? '—'}): ${joined.error}`);
    learner.seated = joined.body !== undefined;
    learner.stream = await learner.who.events(`/api/rooms/${code}/events`, (event) => {
      if (event.event !== 'room') return;
      const revision = (JSON.parse(event.data) as { revision?: number }).revision;
      if (revision === undefined) return;
      const heard = arrivals.get(revision) ?? [];
      heard.push(performance.now());
      arrivals.set(revision, heard);
    });
    figures.streamAnswers.add(learner.stream.status);
    if (learner.stream.error) figures.streamErrors.add(`${learner.stream.status}: ${learner.stream.error}`);
    try {
      learner.demo = await connectDemoClient(cluster.origin, learner.who.learnerId);
    } catch (error) {
      figures.callErrors.add(`connect: ${errorText(error)}`);
    }
  });
  const joinSeconds = (performance.now() - joinStarted) / 1000;
  const afterJoins = await stats?.read();
  await settle(() => watch.last?.total === learners.filter((learner) => learner.seated).length && watch.last.connected >= watch.last.total, 5_000);
  const presenceAfterJoins = watch.last;

  // The run: every learner runs the demo, reporting each run, while the presenter switches the room's scenario.
  const runStarted = performance.now();
  const deadline = runStarted + options.maxRunMs;
  let running = true;
  const switchScenario = async (scenario: string) => {
    scenarioClock.switching = true;
    scenarioClock.epoch++;
    const sentAt = performance.now();
    const answer = await presenter.post<{ room: { revision: number } }>(`/api/rooms/${code}`, { action: 'scenario', scenario });
    figures.controlAnswers.add(answer.status);
    if (answer.body) {
      figures.switches.push({ scenario, revision: answer.body.room.revision, sentAt, reached: 0 });
      scenarioClock.current = scenario;
    } else {
      figures.controlErrors.add(`${answer.status}: ${answer.error}`);
    }
    scenarioClock.epoch++;
    scenarioClock.switching = false;
  };
  const switcher = (async () => {
    for (let step = 0; running; step++) {
      await switchScenario(SCENARIO_CYCLE[step % SCENARIO_CYCLE.length]!);
      await sleepUnless(options.switchMs, () => !running);
    }
  })();
  const afterRunsStats = await (async () => {
    await Promise.all(learners.map((learner) => runLearner(learner, code, options, deadline, figures, watch, scenarioClock)));
    return stats?.read();
  })();
  const runSeconds = (performance.now() - runStarted) / 1000;
  running = false;
  await switcher;
  await settle(() => watch.missed === 0, 5_000);
  const rssAfterRun = cluster.instances.map((instance) => (instance.pid ? readRssKb(instance.pid) : NaN));

  // What each instance says about the room at the end (round robin: one GET lands on each).
  const finalPresence: Array<RoomAnswer<FinalPresence>> = [];
  for (let i = 0; i < options.instances; i++) finalPresence.push(await presenter.get(`/api/rooms/${code}/presence`));
  for (const change of figures.switches) {
    for (const at of arrivals.get(change.revision) ?? []) {
      change.reached++;
      figures.switchReach.add(at - change.sentAt);
    }
  }

  // Everyone leaves: streams closed, clients closed, the room ended; then memory once more, after a GC.
  await Promise.all(learners.map(async (learner) => {
    learner.stream?.close();
    await learner.demo?.close().catch(() => undefined);
  }));
  presenterStream.close();
  const ended = await presenter.post(`/api/rooms/${code}`, { action: 'end' });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const rssAfter = await sampleAll(cluster, inspectors);

  report({
    options, figures, watch, cluster, code, joinSeconds, runSeconds, presenceAfterJoins, finalPresence, ended,
    redis: stats && {
      calibration: commandsBetween(beforeCalibration!, afterCalibration!),
      joins: commandsBetween(afterCalibration!, afterJoins!),
      runs: commandsBetween(afterJoins!, afterRunsStats!),
    },
    rssBefore, rssAfterRun, rssAfter,
    totalSeconds: (performance.now() - started) / 1000,
  });
  return 0;
}

/** One learner's 20 runs: think, run the demo, report what they saw. */
async function runLearner(learner: Learner, code: string, options: Options, deadline: number, figures: Figures, watch: PresenceWatch, clock: ScenarioClock) {
  for (let run = 0; run < options.runs; run++) {
    if (performance.now() > deadline) {
      figures.runsNotStarted += options.runs - run;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * options.thinkMs));
    if (!learner.demo) {
      figures.runsNotStarted++;
      continue;
    }
    const epoch = clock.epoch;
    const sent = performance.now();
    let outcome;
    try {
      outcome = await learner.demo.run();
    } catch (error) {
      figures.callErrors.add(errorText(error));
      continue;
    }
    const took = performance.now() - sent;
    figures.calls.add(took);
    figures.byScenario(clock.label(epoch)).add(took);
    figures.outcomes.add(`${outcome.scenario ?? '?'}: ${outcome.isError ? 'isError' : outcome.source ?? '?'}${outcome.degraded && !outcome.isError ? ', degraded' : ''}`);
    figures.servedIn.add(outcome.workspace?.includes('@room-') ? 'the room’s workspace' : `outside the room (${outcome.workspace ?? '?'})`);

    const reportSent = performance.now();
    const reported = await learner.who.post<{ seat: { runs: number } }>(`/api/rooms/${code}/seat`, {
      lesson: DEMO.lesson,
      demo: DEMO.demo,
      observed: observation(outcome),
    });
    figures.reports.add(performance.now() - reportSent);
    figures.reportAnswers.add(reported.status);
    if (reported.body) watch.reported(learner.label, reported.body.seat.runs);
    else figures.reportErrors.add(`${reported.status} (instance ${reported.instance ?? '—'}): ${reported.error}`);
  }
}

interface InstanceMemory {
  sample?: MemorySample;
  error?: string;
}

async function sampleAll(cluster: Cluster, inspectors: Array<Inspector | undefined>): Promise<InstanceMemory[]> {
  return Promise.all(
    cluster.instances.map(async (instance, index) => {
      if (!instance.pid) return { error: 'no serving pid' };
      try {
        return { sample: await sampleMemory(instance.pid, inspectors[index]) };
      } catch (error) {
        return { error: errorText(error) };
      }
    }),
  );
}

/** Waits until `done()` or `timeoutMs`, polling: a wait for a state, not a fixed sleep. */
async function settle(done: () => boolean, timeoutMs: number) {
  const until = performance.now() + timeoutMs;
  while (!done() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function sleepUnless(totalMs: number, stop: () => boolean) {
  const until = performance.now() + totalMs;
  while (!stop() && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - performance.now())));
}

interface FinalPresence {
  total: number;
  connected: number;
  ran: number;
  learners: Array<{ runs: number }>;
}

interface Report {
  options: Options;
  figures: Figures;
  watch: PresenceWatch;
  cluster: Cluster;
  code: string;
  joinSeconds: number;
  runSeconds: number;
  totalSeconds: number;
  presenceAfterJoins: PresenceWatch['last'];
  finalPresence: Array<RoomAnswer<FinalPresence>>;
  ended: RoomAnswer<unknown>;
  redis?: Record<'calibration' | 'joins' | 'runs', ReturnType<typeof commandsBetween>>;
  rssBefore: InstanceMemory[];
  rssAfterRun: number[];
  rssAfter: InstanceMemory[];
}

function report(r: Report) {
  const { options, figures, watch } = r;
  const expectedCalls = options.learners * options.runs;
  const seated = figures.joinAnswers.get(200);
  log(`\n## Joining (${options.joinConcurrency} at a time)`);
  log(`   joins           ${seated} of ${options.learners} seated in ${r.joinSeconds.toFixed(1)} s — answers ${figures.joinAnswers}; latency ${figures.join.summary()}${figures.joinErrors.lines()}`);
  log(`   learner streams ${figures.streamAnswers}${figures.streamErrors.lines()}`);
  const after = r.presenceAfterJoins;
  log(`   presenter sees  ${after ? `${after.total} learners, ${after.connected} connected` : 'nothing (no presence event)'}`);

  log(`\n## Runs (think time 0–${2 * options.thinkMs} ms, scenario switched every ${options.switchMs / 1000} s)`);
  log(`   calls           ${figures.calls.count} of ${expectedCalls} in ${r.runSeconds.toFixed(1)} s (${(figures.calls.count / r.runSeconds).toFixed(1)} calls/s)${figures.runsNotStarted ? `, ${figures.runsNotStarted} not started (time limit or no client)` : ''}`);
  log(`   errors          ${figures.callErrors.count} (transport, HTTP, JSON-RPC, timeouts)${figures.callErrors.lines()}`);
  log(`   call latency    ${figures.calls.summary()}`);
  for (const [label, latencies] of [...figures.callsByScenario].sort((a, b) => b[1].count - a[1].count)) log(`     ${label.padEnd(28)} ${latencies.summary()}`);
  log(`   answers         ${figures.outcomes}`);
  log(`   served from     ${figures.servedIn}`);
  log(`   progress report ${figures.reports.summary()} — answers ${figures.reportAnswers}${figures.reportErrors.lines()}`);
  log(`   presence update ${watch.latency.summary()} — report answered → the presenter's stream shows it; ${watch.beforeAnswer} arrived before the answer (0 ms), ${watch.missed} never shown, ${watch.events} presence events, ${watch.staleEvents} stale`);
  const streams = figures.streamAnswers.get(200);
  const reached = figures.switches.map((change) => change.reached);
  log(`   scenario switch ${figures.switches.length} switches (answers ${figures.controlAnswers}); each reached ${reached.length ? `${Math.min(...reached)}–${Math.max(...reached)}` : '—'} of ${streams} learner streams; control sent → learner stream: ${figures.switchReach.summary()}${figures.controlErrors.lines()}`);
  for (const [index, answer] of r.finalPresence.entries()) {
    // Every answered report counted one run: the seats' sum should be the number of reports answered 200.
    const runs = answer.body?.learners.reduce((sum, learner) => sum + learner.runs, 0);
    const counted = answer.body ? `${answer.body.total} learners, ${answer.body.connected} connected, ${answer.body.ran} ran, ${runs} runs counted of ${figures.reportAnswers.get(200)} reports answered` : `${answer.status} ${answer.error}`;
    log(`   presence GET ${index + 1}  ${counted} (instance ${answer.instance ?? '—'})`);
  }
  log(`   room ended      ${r.ended.status}${r.ended.error ? ` ${r.ended.error}` : ''}`);

  log('\n## Redis');
  if (!r.redis) log('   none (--no-redis)');
  else {
    const top = (byCommand: Array<[string, number]>) => byCommand.slice(0, 5).map(([name, calls]) => `${name} ${calls}`).join(', ');
    const { calibration, joins, runs } = r.redis;
    log(`   one bare call   ${(calibration.total / CALIBRATION_CALLS).toFixed(1)} commands per MCP call (the presenter's ${CALIBRATION_CALLS} calls, quiet room): ${top(calibration.byCommand)}`);
    log(`   joins           ${(joins.total / Math.max(1, options.learners)).toFixed(1)} commands per learner (join, stream, connect): ${top(joins.byCommand)}`);
    log(`   the run         ${runs.total} commands, ${(runs.total / Math.max(1, figures.calls.count)).toFixed(1)} per MCP call (call + progress report + presence reads + beats): ${top(runs.byCommand)}`);
  }

  log('\n## Instances');
  log(`   proxy hits      ${r.cluster.proxy.hits.map((hits, index) => `instance ${index}: ${hits}`).join(', ')}`);
  for (const [index, instance] of r.cluster.instances.entries()) {
    const before = r.rssBefore[index]?.sample;
    const after = r.rssAfter[index]?.sample;
    const delta = before && after ? ` (${after.rssKb >= before.rssKb ? '+' : ''}${mb(after.rssKb - before.rssKb)})` : '';
    const heap = (sample?: MemorySample) => (sample?.heapUsedKb === undefined ? '' : `, heap ${mb(sample.heapUsedKb)}`);
    log(
      `   instance ${index} (pid ${instance.pid ?? '?'}): RSS before ${before ? mb(before.rssKb) : r.rssBefore[index]?.error}${heap(before)}${before?.gc ? ' (after GC)' : ''}` +
        ` → end of run ${Number.isFinite(r.rssAfterRun[index]) ? mb(r.rssAfterRun[index]!) : '?'} (no GC)` +
        ` → room ended ${after ? mb(after.rssKb) : r.rssAfter[index]?.error}${heap(after)}${after?.gc ? ' (after GC)' : ''}${delta}`,
    );
  }
  log(`\nrun took ${r.totalSeconds.toFixed(1)} s (joins ${r.joinSeconds.toFixed(1)} s, runs ${r.runSeconds.toFixed(1)} s); load average at the end ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}


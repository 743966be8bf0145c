/**
 * A real, throwaway Redis: Debian's `redis-server` on a free port, with
 * nothing written to disk. It can be stopped and started again on the same
 * port (losing Redis mid-run), or paused. Used by the unit tests (through
 * lib/state/__tests__/redis-server.ts), the scale-out e2e test and the load
 * script; it imports no test runner.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, createServer } from 'node:net';

const INSTALL_HINT = 'Install it with `apt-get install -y redis-server` (Debian/Ubuntu; .ci/run does this on CI), or set REDIS_SERVER_BIN.';
export const START_TIMEOUT_MS = 10_000;

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (its data is gone: it never writes to disk). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server keeps its sockets but answers nothing. */
  pause(): void;
  resume(): void;
}

export interface TestRedisOptions {
  /**
   * Keep the data across stop() and start(), as a production Redis does (an append-only file in a temp folder,
   * synced on every write): for "Redis lost mid-run, then back" tests that expect the data to still be there.
   */
  persist?: boolean;
}

export async function startTestRedis({ persist = false }: TestRedisOptions = {}): Promise<TestRedis> {
  const binary = redisServerBinary();
  const port = await freePort();
  const dataDir = persist ? mkdtempSync(join(tmpdir(), 'dojo-redis-')) : undefined;
  let child: ChildProcess | undefined;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  const server: TestRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      const storage = dataDir ? ['--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
      child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...storage], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitForPong(port, child, () => output);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  };
  await server.start();
  return server;
}

function redisServerBinary(): string {
  const candidates = [process.env.REDIS_SERVER_BIN, '/usr/bin/redis-server', '/usr/local/bin/redis-server'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const onPath = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  throw new Error(`These tests need a real Redis, and redis-server was not found (looked in ${candidates.join(', ')} and on PATH). ${INSTALL_HINT}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Sends PING over a raw socket until the server answers +PONG. */
async function waitForPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} before answering PING:\n${output()}`);
    if (await pongs(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server on port ${port} did not answer PING within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

function pongs(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A port nothing listens on (for "Redis down at start"). */
export async function unusedPort(): Promise<number> {
  return freePort();
}

/**
 * Retries `attempt` until it succeeds (Redis coming back takes a reconnection
 * or two): a wait for a state, not a fixed sleep.
 */
export async function eventually(attempt: () => unknown, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

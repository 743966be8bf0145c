/**
 * The server under load: start `next start` on a free loopback port (with the inspector open, so the load script
 * can force a GC), or target one that is already running. Either way, find the process that actually serves the
 * port: its RSS is the figure that matters, and `next start` may run the server in a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';

export interface ServerUnderLoad {
  origin: string;
  /** The pid that listens on the port (undefined if this machine cannot tell, e.g. a remote URL). */
  pid: number | undefined;
  /** Set when the server was started with the inspector open on this port. */
  inspectorPort: number | undefined;
  /** 'v2' when the app serves `GET /api/learner` (the per-request server of issue 9), else 'sessionful'. */
  kind: 'v2' | 'sessionful';
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface StartOptions {
  cwd: string;
  env: Record<string, string>;
  log: (line: string) => void;
}

/** `next start` on 127.0.0.1:<free port>, with `--inspect` on another free port. Expects a built `.next`. */
export async function startNextServer({ cwd, env, log }: StartOptions): Promise<ServerUnderLoad> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const child = spawn(`${cwd}/node_modules/.bin/next`, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env: { ...process.env, ...env, NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends the server and any child it forked
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 50)); // only the last lines are shown, if it fails
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(origin, child, 90_000);
  } catch (error) {
    stopGroup(child);
    throw new Error(`${(error as Error).message}\n--- next start said:\n${output.slice(-20).join('\n')}`);
  }
  const pid = findListeningPid(port);
  log(`started next start in ${cwd} at ${origin} (pid ${child.pid}, serving pid ${pid}, inspector 127.0.0.1:${inspectorPort})`);
  return {
    origin,
    pid,
    inspectorPort,
    kind: await detectKind(origin),
    stop: async () => {
      stopGroup(child);
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    },
  };
}

/** A server someone else started: only its pid (if it listens on this machine) and kind are found out here. */
export async function targetRunningServer(url: string, inspectorPort: number | undefined): Promise<ServerUnderLoad> {
  const { origin, port, hostname } = new URL(url);
  const local = hostname === '127.0.0.1' || hostname === 'localhost';
  return {
    origin,
    pid: local ? findListeningPid(Number(port || 80)) : undefined,
    inspectorPort,
    kind: await detectKind(origin),
    stop: async () => undefined,
  };
}

function stopGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function waitUntilUp(origin: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    const up = await fetch(`${origin}/api/mcp`, { method: 'OPTIONS', signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer at ${origin} within ${timeoutMs / 1000} s`);
}

async function detectKind(origin: string): Promise<'v2' | 'sessionful'> {
  const response = await fetch(`${origin}/api/learner`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  if (!response?.ok) return 'sessionful';
  const body = (await response.json().catch(() => ({}))) as { learner?: unknown };
  return typeof body.learner === 'string' ? 'v2' : 'sessionful';
}

/** The pid whose socket listens on 127.0.0.1:<port> (or any address), from /proc; undefined when not found. */
export function findListeningPid(port: number): number | undefined {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [, local, , state, , , , , , inode] = fields;
      if (!local || state !== '0A' || !inode) continue; // 0A = LISTEN
      if (parseInt(local.split(':')[1] ?? '', 16) === port) inodes.add(inode);
    }
  }
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return Number(entry);
      } catch {
        // the fd closed while we looked
      }
    }
  }
  return undefined;
}

/**
 * An app server of a test's own (`next start` from the build, on a free port), for a test that needs an
 * environment or a settings file no other test may see — the shared servers of playwright.config.ts are
 * used by tests running in parallel.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { E2E_DOJO_SECRET } from './servers';

export interface OwnApp {
  origin: string;
  stop(): Promise<void>;
}

export async function startOwnApp(env: Record<string, string>): Promise<OwnApp> {
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true, // its own process group: stop() ends next-server too, not only npx
    stdio: 'ignore',
    env: { ...process.env, TODOIST_API_TOKEN: '', TODOIST_API_BASE_URL: '', DOJO_SECRET: E2E_DOJO_SECRET, ...env },
  });
  const origin = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await exited;
  };
  try {
    await waitUntilServing(origin, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, stop };
}

async function waitUntilServing(origin: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      if ((await fetch(`${origin}/api/learner`, { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not answer at ${origin} within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

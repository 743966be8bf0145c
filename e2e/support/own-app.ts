/**
 * An app server of a test's own (`next start` from the build, on a free port), for a test that needs an
 * environment or a settings file no other test may see — the shared servers of playwright.config.ts are
 * used by tests running in parallel. Started the way the load script starts its server (scripts/load.server.ts).
 */
import { startNextServer } from '../../scripts/load.server';
import { E2E_DOJO_SECRET } from './servers';

export interface OwnApp {
  origin: string;
  stop(): Promise<void>;
}

export function startOwnApp(env: Record<string, string>): Promise<OwnApp> {
  // No token or base URL from the machine running the tests: only what the test gives.
  const isolated = { TODOIST_API_TOKEN: '', TODOIST_API_BASE_URL: '', DOJO_SECRET: E2E_DOJO_SECRET, ...env };
  return startNextServer({ cwd: process.cwd(), env: isolated, log: () => undefined });
}

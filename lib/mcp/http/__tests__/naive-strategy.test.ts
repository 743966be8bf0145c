/**
 * The naive strategy is the story's bug — the first page only, and canned todos on any failure. The lessons run it
 * against the stand-in's sample accounts; it must never run against a real Todoist account (issue 12: "?strategy=naive
 * selects the story's bug for any client of the real backend").
 */
import { describe, expect, it } from 'vitest';
import { issueLearnerId } from '@/lib/identity/learner';
import { MemoryStateStore } from '@/lib/state/memory-store';
import type { RealConfig } from '../../source';
import type { BuiltinStandin } from '../builtin-standin';
import { createMcpEndpoint } from '../endpoint';
import { naiveStrategyRefusal, realConfigFor } from '../real-upstream';
import { SessionSettingsSchema } from '../session-settings';

const secret = Buffer.alloc(32, 7);
const configured: RealConfig = { token: 'real-todoist-token', baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'env' };
const standin = { baseUrl: 'http://127.0.0.1:1/api/v1', tokenFor: () => 'sample-token' } as unknown as BuiltinStandin;
const settings = (query: Record<string, string | undefined>) => SessionSettingsSchema.parse(query);
const learner = { key: 'learner-1', kind: 'learner' as const };

describe('naiveStrategyRefusal', () => {
  it('refuses naive on the real backend when it would reach the configured Todoist (upstream=todoist)', () => {
    expect(naiveStrategyRefusal(settings({ backend: 'real', strategy: 'naive' }))).toMatch(/never runs against a real Todoist account.*upstream=standin/);
  });

  it.each([
    { backend: 'real', strategy: 'naive', upstream: 'standin' },
    { backend: 'real', strategy: 'naive', upstream: 'auto' },
    { backend: 'real', strategy: 'production' },
    { backend: 'mock', strategy: 'naive' },
  ])('lets %o through', (query) => {
    expect(naiveStrategyRefusal(settings(query))).toBeUndefined();
  });
});

describe('realConfigFor with upstream=auto', () => {
  const deps = { loadConfig: async () => configured, standin: async () => standin };

  it('takes the configured Todoist for the production strategy', async () => {
    const config = await realConfigFor(settings({ backend: 'real', upstream: 'auto' }), learner, deps)();
    expect(config).toMatchObject({ upstream: 'todoist', token: 'real-todoist-token' });
  });

  it('takes the stand-in for the naive strategy, even with a token configured', async () => {
    const config = await realConfigFor(settings({ backend: 'real', upstream: 'auto', strategy: 'naive' }), learner, deps)();
    expect(config).toMatchObject({ upstream: 'standin', token: 'sample-token', baseUrl: standin.baseUrl });
  });
});

describe('the endpoint', () => {
  const endpoint = createMcpEndpoint({
    store: new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 }),
    secret,
    loadConfig: async () => configured,
    standin: async () => standin,
  });
  const call = (query: string) =>
    endpoint(
      new Request(`http://127.0.0.1:3000/api/mcp?${query}&learner=${issueLearnerId(secret)}`, {
        method: 'POST',
        headers: { Host: '127.0.0.1:3000', 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'MCP-Protocol-Version': '2025-11-25' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_tasks', arguments: {} } }),
      }),
    );

  it('answers 400 with an error that says why and what to use instead, before any upstream call', async () => {
    const response = await call('backend=real&strategy=naive&upstream=todoist');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(-32602);
    expect(body.error.message).toMatch(/strategy=naive .* never runs against a real Todoist account/);
  });

  it('serves the naive strategy against the stand-in', async () => {
    const response = await call('backend=real&strategy=naive&upstream=standin');
    expect(response.status).toBe(200);
    await response.text();
  });
});

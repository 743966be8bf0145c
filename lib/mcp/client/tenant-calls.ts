/**
 * What lesson 7's signed-in clients do: ask the naive and the production
 * server for the same thing, flood the endpoint, and disconnect. Every call
 * goes through the SDK client with the client's OAuthClientProvider, so the
 * access token is attached (and refreshed) by the SDK, never by hand.
 *
 * Loaded on demand (it pulls in the SDK).
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import type { TenantAnswer, TenancyServer } from '@/lib/lessons/widgets/two-tenants';
import { parseProvenance, PROVENANCE_META_KEY } from '../provenance';
import type { DojoClientSettings } from './constants';
import type { BrowserOAuthProvider } from './oauth-provider';
import { runOnConnection } from './run';

const NAIVE_META_KEY = 'dojo/naive-tenancy';
const CLIENT_INFO = { name: 'mcp-dojo-two-tenants', version: '0.2.0' };

/** The signed-in user's own Todoist (here: their stand-in sample account), read live. */
const SETTINGS: Record<TenancyServer, DojoClientSettings> = {
  production: { backend: 'real', size: 'small', strategy: 'production' },
  naive: { backend: 'real', size: 'small', strategy: 'production', tenancy: 'naive' },
};

export async function askForTasks(provider: BrowserOAuthProvider, server: TenancyServer): Promise<TenantAnswer> {
  const started = performance.now();
  try {
    const result = await runOnConnection(
      { endpoint: '/api/mcp', settings: SETTINGS[server], authProvider: provider, clientInfo: CLIENT_INFO },
      async ({ client, request }) => (await client.callTool({ name: 'list_tasks', arguments: {} }, request)) as CallToolResult,
    );
    const ms = performance.now() - started;
    if (result.isError) return { server, outcome: 'error', taskIds: [], message: textOf(result), ms };
    return { server, outcome: 'ok', ms, ...whoseTasks(server, result) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unauthorized = /\b401\b|signed out|sign in again|invalid_token|invalid_grant/i.test(message);
    return { server, outcome: unauthorized ? 'unauthorized' : 'error', taskIds: [], message, ms: performance.now() - started };
  }
}

/** `calls` tool calls at once, on one connection; each settles on its own. */
export async function flood(provider: BrowserOAuthProvider, calls: number): Promise<Array<{ ok: true } | { ok: false; message: string }>> {
  return runOnConnection(
    { endpoint: '/api/mcp', settings: { backend: 'mock', size: 'tiny', strategy: 'production', workspace: 'noisy-neighbour' }, authProvider: provider, clientInfo: CLIENT_INFO },
    async ({ client, request }) => {
      const settled = await Promise.allSettled(
        Array.from({ length: calls }, () => client.callTool({ name: 'list_projects', arguments: {} }, request)),
      );
      return settled.map((outcome) => (outcome.status === 'fulfilled' ? { ok: true as const } : { ok: false as const, message: messageOf(outcome.reason) }));
    },
  );
}

/** Revokes this user's Todoist token and every token this server issued them; the client forgets its own. */
export async function disconnect(provider: BrowserOAuthProvider): Promise<void> {
  const token = provider.tokens()?.access_token;
  provider.signOut();
  if (!token) return;
  const response = await fetch('/oauth/disconnect', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok && response.status !== 401) throw new Error(`Disconnect failed: HTTP ${response.status}`);
}

function whoseTasks(server: TenancyServer, result: CallToolResult): { account?: string; taskIds: string[] } {
  if (server === 'naive') {
    const meta = result._meta?.[NAIVE_META_KEY] as { account?: unknown; taskIds?: unknown } | undefined;
    return {
      account: typeof meta?.account === 'string' ? meta.account : undefined,
      taskIds: Array.isArray(meta?.taskIds) ? meta.taskIds.filter((id): id is string => typeof id === 'string') : [],
    };
  }
  const tasks = (result.structuredContent as { tasks?: Array<{ id?: unknown }> } | undefined)?.tasks ?? [];
  return {
    account: parseProvenance(result._meta?.[PROVENANCE_META_KEY])?.account,
    taskIds: tasks.map((task) => task.id).filter((id): id is string => typeof id === 'string'),
  };
}

function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : 'The tool failed.';
}

function messageOf(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

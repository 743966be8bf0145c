/**
 * What lesson 9's least-privilege client does: read its own tasks, then try
 * to complete one. Every call goes through the SDK client with the client's
 * OAuthClientProvider, so the token is attached (and refreshed) by the SDK.
 *
 * A write with a `tasks:read` token gets 403 insufficient_scope. What the
 * client does then is the transport's `onInsufficientScope`:
 * - `show-refusal` (`throw`): the challenge comes back to the page, which shows
 *   it — a host that asks the user before the consent prompt does this.
 * - `step-up` (`reauthorize`, the SDK's default): the SDK asks for the union of
 *   the scopes it had and the ones the server named, forcing a new
 *   authorization (a refresh cannot widen scope). In a browser that means
 *   leaving for the consent page, so the SDK's own retry never runs here: the
 *   page makes the call again when it is back.
 *
 * Loaded on demand (it pulls in the SDK).
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import type { StepUpTask } from '@/lib/lessons/widgets/step-up';
import type { FetchFunction } from './http-log';
import type { BrowserOAuthProvider } from './oauth-provider';
import { runOnConnection, type RunOptions } from './run';

const CLIENT_INFO = { name: 'mcp-dojo-least-privilege', version: '0.2.0' };

export type CompletionMode = 'show-refusal' | 'step-up';

export type CompleteAttempt =
  | { outcome: 'refused'; status: number; challenge: string }
  | { outcome: 'completed'; completed: boolean; nextDue?: string };

/** The signed-in user's own tasks (their copy of a stand-in sample account): the first one, if any. */
export async function firstOwnTask(provider: BrowserOAuthProvider): Promise<StepUpTask | undefined> {
  return runOnConnection(connectionOptions(provider), async ({ client, request }) => {
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} }, request)) as CallToolResult;
    if (result.isError) throw new Error(`list_tasks failed: ${textOf(result)}`);
    const tasks = (result.structuredContent as { tasks?: Array<{ id?: unknown; content?: unknown }> } | undefined)?.tasks ?? [];
    const first = tasks.find((task) => typeof task.id === 'string' && typeof task.content === 'string');
    return first && { id: first.id as string, title: first.content as string };
  });
}

export async function completeTask(provider: BrowserOAuthProvider, taskId: string, mode: CompletionMode): Promise<CompleteAttempt> {
  const refusals = scopeRefusals();
  const options = {
    ...connectionOptions(provider),
    fetch: refusals.fetch,
    onInsufficientScope: mode === 'show-refusal' ? ('throw' as const) : ('reauthorize' as const),
  };
  return runOnConnection(options, async ({ client, request }) => {
    try {
      const result = (await client.callTool({ name: 'complete_task', arguments: { task_id: taskId } }, request)) as CallToolResult;
      if (result.isError) throw new Error(`complete_task failed: ${textOf(result)}`);
      const answer = result.structuredContent as { completed?: unknown; nextDue?: unknown } | undefined;
      return {
        outcome: 'completed',
        completed: answer?.completed !== false,
        ...(typeof answer?.nextDue === 'string' && { nextDue: answer.nextDue }),
      };
    } catch (error) {
      // Shown, not stepped up: the 403 the transport handed back, exactly as the server sent it.
      const refusal = refusals.last();
      if (mode === 'show-refusal' && refusal) return { outcome: 'refused', ...refusal };
      throw error;
    }
  });
}

/**
 * This client gives up its sign-in (RFC 7009 at /oauth/revoke: the grant behind the refresh token ends) and forgets
 * its tokens. Only this client's: the user's other clients, and their Todoist connection, are left alone.
 */
export async function revokeSignIn(provider: BrowserOAuthProvider): Promise<void> {
  const token = provider.tokens()?.refresh_token ?? provider.tokens()?.access_token;
  const clientId = provider.clientInformation()?.client_id;
  provider.signOut();
  if (!token || !clientId) return;
  const response = await fetch('/oauth/revoke', { method: 'POST', body: new URLSearchParams({ token, client_id: clientId }) });
  if (!response.ok) throw new Error(`Revoking the sign-in failed: HTTP ${response.status}`);
}

function connectionOptions(provider: BrowserOAuthProvider): RunOptions {
  return {
    endpoint: '/api/mcp',
    // The user's own Todoist (here: their stand-in sample account), read and changed live.
    settings: { backend: 'real', size: 'small', strategy: 'production' },
    authProvider: provider,
    clientInfo: CLIENT_INFO,
  };
}

/** A fetch that remembers the last 403 with a WWW-Authenticate challenge (the SDK keeps only the parameters it needs). */
function scopeRefusals(): { fetch: FetchFunction; last(): { status: number; challenge: string } | undefined } {
  let last: { status: number; challenge: string } | undefined;
  return {
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const challenge = response.headers.get('www-authenticate');
      if (response.status === 403 && challenge) last = { status: response.status, challenge };
      return response;
    },
    last: () => last,
  };
}

function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : 'the tool failed';
}

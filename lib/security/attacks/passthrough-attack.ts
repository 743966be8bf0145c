/**
 * Lesson 9, attack 3 — token passthrough, run for real:
 *
 * naive       (a) The client's MCP access token (a JWT for /api/mcp) goes to a server
 *                 that forwards it to Todoist as is: Todoist answers 401 — it fails.
 *             (b) A Todoist token the client was handed goes the same way: it "works".
 *                 The server read the account without checking audience, scope or rate
 *                 limit, and Todoist saw this server as the caller (a confused deputy).
 * production  (c) /api/mcp refuses the raw Todoist token (401 invalid_token); with its
 *                 own access token it reads the account with the Todoist token from its
 *                 vault, which the client never holds.
 *
 * The demo's tokens (ours and the handed Todoist token) are revoked when it ends.
 */
import { TASKS_READ } from '@/lib/mcp/scopes';
import { DEMO_CLIENT_ID, withLoopbackServer, type AttackContext } from './attack-context';
import { callTool } from './mcp-call';
import { createNaivePassthroughServer } from './naive-passthrough-server';
import type { AttackReport, DemoExchange } from './report';
import { connectSampleAccount, handTodoistToken } from './sample-account';
import { recordingFetch } from './todoist-calls';

const NAIVE = 'the naive MCP server (token passthrough)';
const PRODUCTION = 'the production Todoist MCP (/api/mcp)';

export async function runPassthroughAttack(ctx: AttackContext): Promise<AttackReport> {
  const account = await connectSampleAccount({ standin: ctx.standin, vault: ctx.as.vault, secret: ctx.secret }, ctx.learner);
  const mcpUrl = `${ctx.appOrigin}/api/mcp`;
  const accessToken = await ctx.as.issueSampleAccountToken({ tenant: account.tenant, resource: mcpUrl, scopes: [TASKS_READ], clientId: DEMO_CLIENT_ID });
  const handed = await handTodoistToken(ctx.standin, ctx.learner);
  try {
    const upstream = recordingFetch(`${NAIVE}, as itself`);
    const naiveServer = createNaivePassthroughServer({ standinApiBase: ctx.standin.baseUrl, fetch: upstream.fetch });
    const naiveRequests: DemoExchange[] = await withLoopbackServer(naiveServer, async (naiveUrl) => {
      const call = (step: string, token: string) => callTool({ step, from: 'the MCP client', to: NAIVE, url: naiveUrl, token, tool: 'list_tasks', signal: ctx.signal });
      return [
        await call('(a) The client sends its MCP access token, issued for /api/mcp', accessToken.token),
        ...upstream.take('(a) The naive server forwards that token to Todoist as is'),
        await call(`(b) The client sends a Todoist token it was handed for ${account.name}'s account`, handed.token),
        ...upstream.take('(b) The naive server forwards the Todoist token as is: Todoist sees this server as the caller'),
      ];
    });

    const call = (step: string, token: string) =>
      callTool({ step, from: 'the MCP client', to: PRODUCTION, url: `${mcpUrl}?backend=real`, token, tool: 'list_tasks', signal: ctx.signal });
    const productionRequests = [
      await call('(c) The client sends the raw Todoist token to the production server', handed.token),
      await call("(c) The client sends this server's own access token; the server uses the Todoist token from its vault", accessToken.token),
    ];

    return {
      attack: 'passthrough',
      account: { id: account.id, name: account.name },
      setup: [],
      naive: { requests: naiveRequests, verdict: naiveVerdict(naiveRequests, account.name) },
      production: { requests: productionRequests, verdict: productionVerdict(productionRequests, account.name) },
    };
  } finally {
    await accessToken.revoke();
    await handed.revoke();
  }
}

/** [a to MCP, a upstream, b to MCP, b upstream] */
function naiveVerdict([withAccessToken, , withTodoistToken]: DemoExchange[], name: string) {
  const accessTokenFailed = withAccessToken?.response.error !== undefined;
  const todoistTokenWorked = withTodoistToken?.response.taskTitles !== undefined;
  if (accessTokenFailed && todoistTokenWorked) {
    return {
      attack: 'succeeded' as const,
      summary:
        `(a) failed: Todoist does not know this server's tokens. (b) "worked": the server read ${name}'s account with a token that was never issued to it — ` +
        "no audience, scope or rate limit of its own was checked, and Todoist saw this server as the caller, so whatever the client does is done in the server's name (a confused deputy).",
    };
  }
  return { attack: 'refused' as const, summary: 'Unexpected: the naive server did not behave as the demo expects; see the requests.' };
}

/** [raw Todoist token, own access token] */
function productionVerdict([raw, own]: DemoExchange[], name: string) {
  if (raw?.response.status === 401 && own?.response.taskTitles !== undefined) {
    return {
      attack: 'refused' as const,
      summary:
        `The raw Todoist token is not one of this server's access tokens: 401 invalid_token. With its own access token (audience /api/mcp), the server read ${name}'s ` +
        'account with the Todoist token it keeps in its vault — the client never held it.',
    };
  }
  return { attack: 'succeeded' as const, summary: `Unexpected: the production server answered ${raw?.response.status} to a raw Todoist token; see the requests.` };
}

/**
 * Lesson 9, attack 2 — token audience, run for real:
 *
 * setup       The user (the learner's copy of Alice) uses the Calendar MCP; it
 *             holds her token for *its* audience and uses it there, as it should.
 * naive       The Calendar MCP (or a thief of its tokens) replays that token to a
 *             Todoist MCP that checks the signature only: accepted, Alice's tasks served.
 * production  The same token to this app's /api/mcp: 401, "issued for another resource".
 *
 * The demo's tokens are revoked when it ends.
 */
import { DEMO_CLIENT_ID, withLoopbackServer, type AttackContext } from './attack-context';
import { CALENDAR_SCOPE, calendarResourceUrl } from './calendar-mcp';
import { callTool } from './mcp-call';
import { createNaiveAudienceServer } from './naive-audience-server';
import type { AttackReport, DemoExchange } from './report';
import { connectSampleAccount } from './sample-account';
import { recordingFetch } from './todoist-calls';

const CALENDAR = 'the Calendar MCP';

export async function runAudienceAttack(ctx: AttackContext): Promise<AttackReport> {
  const account = await connectSampleAccount({ standin: ctx.standin, vault: ctx.as.vault, secret: ctx.secret }, ctx.learner);
  const calendarUrl = calendarResourceUrl(ctx.appOrigin);
  const calendarToken = await ctx.as.issueSampleAccountToken({
    tenant: account.tenant,
    resource: calendarUrl,
    scopes: [CALENDAR_SCOPE],
    clientId: DEMO_CLIENT_ID,
  });
  try {
    const token = calendarToken.token;
    const legitimate = await callTool({
      step: `${account.name} uses the Calendar MCP: her token is issued for its audience, and it accepts it`,
      from: 'the MCP client',
      to: CALENDAR,
      url: calendarUrl,
      token,
      tool: 'list_events',
      signal: ctx.signal,
    });

    const upstream = recordingFetch('the naive Todoist MCP');
    const naiveServer = createNaiveAudienceServer({
      signingKey: ctx.signingKey,
      fetch: upstream.fetch,
      sampleAccountAccess: async (tenantKey) => {
        // SAFETY: stand-in sample accounts only.
        const kept = await ctx.as.vault.get(tenantKey);
        return kept?.upstream === 'standin' ? { token: kept.token, apiBase: ctx.standin.baseUrl, name: kept.userName } : undefined;
      },
    });
    const naiveRequests: DemoExchange[] = await withLoopbackServer(naiveServer, async (naiveUrl) => [
      await callTool({
        step: `${CALENDAR} replays ${account.name}'s token to a Todoist MCP that checks the signature only`,
        from: CALENDAR,
        to: 'the naive Todoist MCP (signature-only check)',
        url: naiveUrl,
        token,
        tool: 'list_tasks',
        signal: ctx.signal,
      }),
      ...upstream.take(`The naive Todoist MCP reads ${account.name}'s account with the Todoist token it keeps for her`),
    ]);

    const production = await callTool({
      step: `${CALENDAR} replays the same token to this app's Todoist MCP`,
      from: CALENDAR,
      to: 'the production Todoist MCP (/api/mcp)',
      url: `${ctx.appOrigin}/api/mcp?backend=real`,
      token,
      tool: 'list_tasks',
      signal: ctx.signal,
    });

    const naiveServed = naiveRequests[0]!.response.status === 200 && naiveRequests[0]!.response.taskTitles !== undefined;
    const refused = production.response.status === 401;
    return {
      attack: 'audience',
      account: { id: account.id, name: account.name },
      setup: [legitimate],
      naive: {
        requests: naiveRequests,
        verdict: naiveServed
          ? {
              attack: 'succeeded',
              summary:
                `The signature was ours, so the naive check accepted a token issued for ${calendarUrl} and served ${account.name}'s tasks to the Calendar MCP. ` +
                'A signature says who issued a token, not for whom.',
            }
          : { attack: 'refused', summary: `Unexpected: the naive server did not serve the tasks (${naiveRequests[0]!.response.summary})` },
      },
      production: {
        requests: [production],
        verdict: refused
          ? {
              attack: 'refused',
              summary:
                `401 invalid_token: the token's audience is ${calendarUrl}, not ${ctx.appOrigin}/api/mcp (RFC 8707). ` +
                "The WWW-Authenticate challenge points the client at this server's own metadata, so it signs the user in for this resource.",
            }
          : { attack: 'succeeded', summary: `Unexpected: /api/mcp answered ${production.response.status} to a token for another resource.` },
      },
    };
  } finally {
    await calendarToken.revoke();
  }
}

/**
 * GET /oauth/callback — Todoist (or the stand-in) sends the browser back.
 *
 * We check the `state` is one we parked (one-time) and that this browser is
 * the one that started, trade Todoist's code for the user's Todoist token,
 * ask Todoist who the user is, lock the token in the vault, and only then
 * issue *our* authorization code to the MCP client. The client never sees
 * the Todoist token; the Todoist code never reaches the client.
 */
import { userTenant } from '@/lib/identity/learner';
import { authUrls, type AuthContext } from './context';
import { REFRESH_TOKEN_TTL_MS } from './grants';
import { errorPageResponse } from './pages';
import { browserBindingCookie, hasBrowserBinding, takeAuthorization } from './pending';
import { redirectResponse, withParams } from './responses';
import { exchangeUpstreamCode, fetchUpstreamUser, revokeUpstreamToken, type UpstreamFailure } from './upstream';

const START_AGAIN = 'Go back to your MCP client (or the page that sent you) and connect again.';

export async function handleCallback(ctx: AuthContext, request: Request, publicOrigin: string): Promise<Response> {
  const urls = authUrls(publicOrigin);
  const query = new URL(request.url).searchParams;
  const state = query.get('state');
  if (!state) {
    return errorPageResponse({
      status: 400,
      title: 'Sign-in link incomplete',
      what: 'Todoist sent you back here without the "state" that ties the answer to a sign-in we started.',
      why: 'Without it, nothing proves this answer belongs to you (this protects against forged sign-ins).',
      next: START_AGAIN,
    });
  }
  const pending = await takeAuthorization(ctx.store, state);
  if (!pending) {
    return errorPageResponse({
      status: 400,
      title: 'Sign-in expired or already used',
      what: 'This answer from Todoist does not match a sign-in in progress.',
      why: 'Sign-ins expire after 10 minutes and each can be completed only once; the link may also have been altered.',
      next: START_AGAIN,
    });
  }
  const clearCookie = { 'set-cookie': browserBindingCookie(state, urls.issuer.startsWith('https:'), 0) };
  if (!hasBrowserBinding(request, state)) {
    return errorPageResponse(
      {
        status: 400,
        title: 'Sign-in started elsewhere',
        what: 'This answer from Todoist arrived in a different browser than the one that started the sign-in.',
        why: 'A sign-in must finish where it began (cookies may also be blocked for this site), so it was stopped.',
        next: `${START_AGAIN} Use the same browser throughout, with cookies allowed for this site.`,
      },
      clearCookie,
    );
  }
  const back = (params: Record<string, string | undefined>) =>
    redirectResponse(withParams(pending.redirectUri, { ...params, state: pending.clientState, iss: urls.issuer }), clearCookie);

  const upstreamError = query.get('error');
  if (upstreamError === 'access_denied') return back({ error: 'access_denied', error_description: 'The user declined access to Todoist.' });
  const upstreamCode = query.get('code');
  if (upstreamError || !upstreamCode) {
    return back({ error: 'server_error', error_description: 'Todoist did not complete the sign-in.' });
  }

  let upstream;
  try {
    upstream = await ctx.upstream(publicOrigin);
  } catch {
    return upstreamFailurePage({ ok: false, kind: 'network', detail: 'the Todoist sign-in is not available' }, clearCookie);
  }
  const exchanged = await exchangeUpstreamCode(upstream, upstreamCode, urls.callback);
  if (!exchanged.ok) return upstreamFailurePage(exchanged, clearCookie);
  const user = await fetchUpstreamUser(upstream, exchanged.token);
  if (!user.ok) {
    // We cannot tie the token to anyone: give it back rather than leave it live.
    await revokeUpstreamToken(upstream, exchanged.token);
    return upstreamFailurePage(user, clearCookie);
  }

  const tenant = userTenant({ id: user.id, name: user.name, upstream: upstream.kind });
  const previous = await ctx.vault.get(tenant.key);
  await ctx.vault.put(
    tenant.key,
    {
      token: exchanged.token,
      apiBase: upstream.apiBase,
      upstream: upstream.kind,
      userId: user.id,
      userName: user.name,
      // Todoist's token answer may leave the scope out: then it is what we asked for (comma-separated there).
      scopes: exchanged.scopes.length ? exchanged.scopes : pending.upstreamScope.split(','),
    },
    { ttlMs: REFRESH_TOKEN_TTL_MS },
  );
  // One live Todoist token per user here: the one it replaces is revoked, not orphaned.
  if (previous && previous.token !== exchanged.token) await revokeUpstreamToken(upstream, previous.token);

  const code = await ctx.grants.issueCode({
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    codeChallenge: pending.codeChallenge,
    scopes: pending.scopes,
    resource: pending.resource,
    tenant,
  });
  return back({ code });
}

function upstreamFailurePage(failure: UpstreamFailure, headers: Record<string, string>): Response {
  const why = {
    network: `We could not reach Todoist (${failure.detail}).`,
    refused: `Todoist refused to complete the sign-in (${failure.detail}).`,
    malformed: `Todoist's answer could not be understood (${failure.detail}).`,
  }[failure.kind];
  return errorPageResponse(
    {
      status: 502,
      title: 'Todoist sign-in failed',
      what: 'You approved access, but this server could not finish connecting your Todoist account. Nothing was stored.',
      why,
      next: `Wait a moment, then ${START_AGAIN.charAt(0).toLowerCase()}${START_AGAIN.slice(1)} If it keeps failing, Todoist may be down.`,
    },
    headers,
  );
}

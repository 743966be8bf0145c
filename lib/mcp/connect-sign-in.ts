/**
 * Connecting an MCP client to the OAuth-protected endpoint, step by step: the
 * URLs it touches and what the person sees at each one — shown on /connect
 * and checked by tests, so the page cannot drift from the routes.
 *
 * The protected endpoint is the real backend without a learner id: who is
 * calling comes from the access token alone. The client never holds the
 * Todoist token; it holds this server's own short-lived token, and this
 * server keeps the Todoist token for that user.
 */
import { signInEndpoint } from './connect-snippets';
import { SUPPORTED_SCOPES } from './scopes';

export type ConsentUpstream = 'todoist' | 'standin';

export interface SignInOptions {
  /** The public origin (DOJO_PUBLIC_URL, else the page's own): tokens are bound to it. */
  origin: string;
  /** Whose consent page the browser reaches: Todoist's (TODOIST_CLIENT_ID and _SECRET set) or the built-in stand-in's. */
  upstream: ConsentUpstream;
  /** Todoist's consent URL when upstream is `todoist` (TODOIST_OAUTH_URL's /oauth/authorize). */
  todoistConsentUrl?: string;
}

export interface SignInUrls {
  /** What the client is given: real Todoist, signed in. */
  endpoint: string;
  /** RFC 9728 protected resource metadata, named in the 401's WWW-Authenticate. */
  resourceMetadata: string;
  /** RFC 8414 authorization server metadata: where to register, authorize and get tokens. */
  authorizationServerMetadata: string;
  /** This app's sign-in, opened in the browser. */
  authorize: string;
  /** Where the person says yes: Todoist's page or the stand-in's. */
  consent: string;
  /** Where Todoist (or the stand-in) sends the browser back to this server. */
  callback: string;
}

export interface SignInStep {
  /** What happens, in a few words. */
  title: string;
  /** The URL involved (to open, or that the client calls). */
  url: string;
  /** What the person sees, or what goes over the wire. */
  detail: string;
}

export const TODOIST_CONSENT_URL = 'https://todoist.com/oauth/authorize';

/** Where the Inspector 2.x CLI listens for the redirect back (its default; MCP_OAUTH_CALLBACK_URL changes it). */
export const INSPECTOR_CALLBACK_URL = 'http://127.0.0.1:6276/oauth/callback';

export function signInUrls({ origin, upstream, todoistConsentUrl }: SignInOptions): SignInUrls {
  return {
    endpoint: signInEndpoint(origin),
    resourceMetadata: `${origin}/.well-known/oauth-protected-resource/api/mcp`,
    authorizationServerMetadata: `${origin}/.well-known/oauth-authorization-server`,
    authorize: `${origin}/oauth/authorize`,
    consent: upstream === 'todoist' ? (todoistConsentUrl ?? TODOIST_CONSENT_URL) : `${origin}/standin/oauth/authorize`,
    callback: `${origin}/oauth/callback`,
  };
}

export function signInSteps(options: SignInOptions): SignInStep[] {
  const urls = signInUrls(options);
  const scopes = SUPPORTED_SCOPES.join(' ');
  return [
    {
      title: 'The client calls the endpoint without a token',
      url: urls.endpoint,
      detail:
        `The server answers 401 with WWW-Authenticate: Bearer resource_metadata="${urls.resourceMetadata}", scope="${scopes}". ` +
        'Claude Code then lists mcp-dojo as needing authentication (type /mcp, choose mcp-dojo, then Authenticate); the Inspector CLI prints "Please navigate to: …".',
    },
    {
      title: 'It discovers where to sign in',
      url: urls.resourceMetadata,
      detail:
        `The metadata names this server (${options.origin}) as the authorization server; ${urls.authorizationServerMetadata} lists its ` +
        'authorize, token and registration endpoints. The client registers itself (a Client ID Metadata Document, or dynamic registration). Nothing to see yet.',
    },
    {
      title: "Your browser opens this app's sign-in",
      url: urls.authorize,
      detail:
        'With a PKCE challenge and a state value. This page checks the request and at once sends you on to the consent page; if the request is broken, ' +
        'it shows an error page instead of sending you anywhere.',
    },
    options.upstream === 'todoist'
      ? {
          title: "Todoist's consent page",
          url: urls.consent,
          detail: 'Log in to Todoist if asked, and allow the app to read (and, for writes, change) your tasks. Deny, and the client is told access_denied.',
        }
      : {
          title: "The stand-in's consent page (offline: no Todoist app configured)",
          url: urls.consent,
          detail: 'Pick a sample user (Alice, Bob, …: each has tasks of their own) and allow, or deny. No Todoist account and no network needed.',
        },
    {
      title: 'Back to this server, then to the client',
      url: urls.callback,
      detail:
        'This server swaps the consent code for the Todoist token and keeps it, encrypted, for you. Then it sends the browser to the client’s own ' +
        `callback (Claude Code’s on localhost; the Inspector’s ${INSPECTOR_CALLBACK_URL}), which says you can close the tab.`,
    },
    {
      title: 'The client holds only this server’s token',
      url: `${options.origin}/oauth/token`,
      detail:
        'The client exchanges its code (with the PKCE verifier) for this server’s own access token: short-lived, bound to this endpoint, renewed with a ' +
        'refresh token. Every call carries that token; the Todoist token never leaves the server. Tools now answer from your own account.',
    },
  ];
}

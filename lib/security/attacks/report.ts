/**
 * What lesson 9's attack demos answer, for the widget that draws them.
 * Types and constants only — no server code — so a client component can
 * import this file.
 *
 *   POST /api/security/attacks/audience     → AttackReport (attack: 'audience')
 *   POST /api/security/attacks/passthrough  → AttackReport (attack: 'passthrough')
 *   any refusal (403, 400, 503, 504, 500)    → AttackRefusal
 *
 *   GET /api/security/other-site, in <iframe sandbox="allow-scripts">, posts
 *   one OtherSiteReport to its parent (targetOrigin: the app's origin). The
 *   frame's own origin is opaque, so `event.origin` is "null": check
 *   `event.source === iframe.contentWindow` and `event.data.type`.
 *
 * No token appears in full anywhere: a TokenShown holds the first 6
 * characters and an ellipsis.
 */

export type AttackName = 'audience' | 'passthrough';

export interface AttackReport {
  attack: AttackName;
  /** The account the demo acted for: the learner's own copy of a stand-in sample user. */
  account: { id: string; name: string };
  /** How the attacker came to hold what it presents (e.g. the Calendar MCP using its own token, as it should). */
  setup: DemoExchange[];
  naive: AttackSide;
  production: AttackSide;
}

export interface AttackSide {
  /** In the order they were made. */
  requests: DemoExchange[];
  verdict: Verdict;
}

export interface Verdict {
  /** `succeeded`: the attacker got what they wanted; `refused`: the server stopped them. */
  attack: 'succeeded' | 'refused';
  /** One or two sentences: what happened and why. */
  summary: string;
}

/** One real HTTP request a demo made, and the answer. */
export interface DemoExchange {
  /** What this step is, e.g. "The Calendar MCP replays the user's token to the Todoist MCP". */
  step: string;
  /** Who sent it, e.g. "the MCP client", "the naive MCP server". */
  from: string;
  /** Who answered, e.g. "the Todoist stand-in". */
  to: string;
  request: {
    method: string;
    url: string;
    /** The headers that matter here; Authorization shows a redacted token. */
    headers: Record<string, string>;
    /** The JSON-RPC message, when it was one. */
    body?: unknown;
  };
  /** The bearer token the request carried, redacted, with what it says about itself. */
  token?: TokenShown;
  response: {
    status: number;
    /** The headers that matter here (WWW-Authenticate, Content-Type). */
    headers: Record<string, string>;
    /** One sentence: what came back. */
    summary: string;
    /** Whose account the tasks came from, when the answer said so. */
    account?: string;
    /** The first few task titles, when the answer carried tasks. */
    taskTitles?: string[];
    /** The refusal's text (OAuth error_description, JSON-RPC message, tool error, Todoist's error). */
    error?: string;
  };
}

export interface TokenShown {
  kind: 'mcp-access-token' | 'todoist-token';
  /** The first 6 characters and "…": enough to tell what kind of token it is, never enough to use it. */
  redacted: string;
  /** Our access tokens only: the resource it was issued for (RFC 8707 `aud`). */
  audience?: string;
  /** Our access tokens only: the tenant it names (`sub`). */
  subject?: string;
  scopes?: string[];
}

/** The body of every refusal of the attack routes. */
export interface AttackRefusal {
  error: string;
}

// ---------------------------------------------------------------------------
// The "other site" frame (GET /api/security/other-site)
// ---------------------------------------------------------------------------

/** Where the "other site" page is served (its own CSP: proxy.ts and next.config.ts leave this path alone). */
export const OTHER_SITE_PATH = '/api/security/other-site';

export const OTHER_SITE_MESSAGE_TYPE = 'dojo/other-site-report';

export interface OtherSiteReport {
  type: typeof OTHER_SITE_MESSAGE_TYPE;
  attempts: OtherSiteAttempt[];
}

export interface OtherSiteAttempt {
  target: 'naive' | 'production';
  request: {
    method: 'POST';
    url: string;
    /** The Origin header the browser sent with it: "null", the frame's opaque origin. */
    origin: string;
    body: unknown;
  };
  response: {
    /** Absent when the browser let the page see nothing (a refused CORS preflight, no CORS headers). */
    status?: number;
    /** Whether the other site could read the answer. */
    readable: boolean;
    /** The first task titles, when it could read them. */
    taskTitles?: string[];
    /** What the page saw instead of an answer (the browser's error), or the JSON-RPC error it read. */
    error?: string;
  };
}

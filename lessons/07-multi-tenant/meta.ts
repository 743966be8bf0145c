import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'multi-tenant',
  number: 7,
  title: 'Multi-tenant MCP',
  stage: 'beyond-one-user',
  summary:
    "OAuth 2.1 on the MCP endpoint with Todoist as the upstream, each user's own Todoist token, caches and limits — and two signed-in users side by side, the naive server leaking one's tasks to the other.",
  minutes: 20,
  status: 'live',
  objectives: [
    'Explain why one server-wide Todoist token makes every user of a shared MCP server read one account.',
    'Follow the sign-in: 401 with resource metadata, discovery, PKCE, Todoist’s own consent, this server’s audience-bound token — and why the MCP client never holds the Todoist token.',
    'Say where the tenant comes from (a verified token — never a session id, a header the client sets, or a tool argument) and which state must be keyed by it.',
    'Watch a naive server show Bob Alice’s tasks, and the production server never do.',
    'Show that a noisy tenant hits its own rate limit, and that revoking one user leaves the others untouched.',
  ],
  widgets: ['two-tenants'],
  demos: [
    {
      id: 'whose-answer',
      title: 'Every answer says whose it is',
      description:
        'Run side by side: your mock workspace and your stand-in sample account. Open each result’s provenance: "tenant" is the key every store used for this call — yours, from the signed learner cookie. Nothing you send can change it.',
      tool: 'list_projects',
      arguments: { format: 'tree' },
      defaults: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' },
      offers: {
        backends: ['mock', 'real'],
        strategies: ['production'],
        scenarios: ['faithful'],
        sizes: ['small'],
        tokens: ['configured'],
      },
      compare: {
        left: { backend: 'mock' },
        right: { backend: 'real' },
        point: 'Both answers name the same tenant: the caller the server verified. The data differs; whose it is does not.',
      },
    },
  ],
  sources: [
    {
      file: 'lib/tenancy/naive-server.ts',
      symbol: 'createNaiveTenancyServer',
      title: 'The bug: state kept for the process, not for the user',
      note: 'Every caller is verified — and then read through one Todoist client built from the first token, with one cache keyed by tool and arguments only.',
    },
    {
      file: 'lib/mcp/http/caller.ts',
      symbol: 'identifyCaller',
      title: 'Who is calling: only a verified token says so',
      note: 'A Bearer token must be ours, for this resource, unexpired and unrevoked, or the answer is a 401 that tells the client where to sign in.',
    },
    {
      file: 'lib/auth/verifier.ts',
      symbol: 'createVerifier',
      title: 'Audience, issuer, algorithm — and revocation on every call',
      note: 'jose checks the signature with the algorithm pinned, the issuer and the audience (RFC 8707); the grant lookup makes a disconnect bite at once.',
    },
    {
      file: 'lib/auth/vault.ts',
      symbol: 'openVault',
      title: "Each user's Todoist token, encrypted at rest",
      note: 'AES-256-GCM, bound to the tenant key: an entry copied to another tenant does not open. Never logged, never returned.',
    },
    {
      file: 'lib/tenancy/rate-limit.ts',
      symbol: 'createRateLimiter',
      title: 'A rate limit per tenant',
      note: 'A token bucket in the store, keyed by the tenant and taken under a short lock, so two instances never spend one token twice: a noisy user empties their own bucket, nobody else’s.',
    },
    {
      file: 'lib/mcp/http/real-upstream.ts',
      symbol: 'realConfigFor',
      title: 'Never the client’s token: the user’s own, from the vault',
      note: 'A signed-in user’s real backend uses the Todoist token this server keeps for them; the MCP client’s token never goes upstream.',
    },
  ],
  checkpoints: [
    {
      question: 'A shared MCP server keeps one Todoist token from its settings page. Alice saved hers first. What does Bob’s assistant read?',
      choices: ['Bob’s tasks: each request carries Bob’s session id', 'Alice’s tasks, presented as Bob’s', 'An error: the server notices the mismatch'],
      answer: 1,
      explanation:
        'The token decides whose Todoist is read, and there is only one. Nothing in the answer says it is Alice’s — the same failure as the mock data of lesson 1, with a real person’s data.',
    },
    {
      question: 'Where may a multi-tenant MCP server take the tenant from?',
      choices: [
        'A verified access token (or, locally, a signed learner id)',
        'The Mcp-Session-Id header',
        'A user_id argument of the tool call',
      ],
      answer: 0,
      explanation:
        'A session id is not an identity (and 2026-07-28 has none); a header or argument is whatever the client chose to send. Only a token the server can verify says who is calling.',
    },
    {
      question: 'Why does the MCP client get this server’s own token instead of the user’s Todoist token?',
      choices: [
        'Todoist tokens are too long for HTTP headers',
        'So the client never holds a credential for Todoist: this server’s token is short-lived, bound to this server (audience) and revocable here, and the server uses its own per-user Todoist token upstream',
        'Because the SDK cannot send Todoist tokens',
      ],
      answer: 1,
      explanation:
        'Token passthrough is forbidden by the MCP spec: a token for another audience must not be accepted, and a client’s token must not be forwarded upstream. The Todoist token stays in the server’s vault.',
    },
    {
      question: 'The naive server verifies every caller’s token. Why does Bob still see Alice’s tasks?',
      choices: [
        'Its Todoist client and its cache are kept for the whole process, built from the first token and keyed by tool and arguments — not by user',
        'Bob’s token is forged',
        'Todoist returned the wrong account',
      ],
      answer: 0,
      explanation:
        'Authentication was fine; the state was not per tenant. Every cache, client, breaker and limit must be keyed by the verified tenant.',
    },
    {
      question: 'Alice disconnects. What must happen to Bob’s next call?',
      choices: ['It fails too, until the server restarts', 'Nothing: it is served as before', 'It is slowed down while Alice’s tokens are revoked'],
      answer: 1,
      explanation:
        'Revocation is per user: Alice’s Todoist token is revoked upstream and every token this server issued her stops working at once (401); Bob’s grant is untouched.',
    },
  ],
  prompt: {
    purpose: 'Understand how an MCP server that reads people’s Todoist becomes safe for many users at once.',
    context:
      'This app’s MCP endpoint is an OAuth 2.1 resource server: a client without a token gets 401 with WWW-Authenticate pointing at /.well-known/oauth-protected-resource/api/mcp; the app’s own authorization server (PKCE S256, exact redirect URIs, dynamic registration and client ID metadata documents) sends the user through Todoist’s OAuth consent (or an offline stand-in’s), keeps that user’s Todoist token encrypted (AES-256-GCM), and issues its own short-lived, audience-bound JWT (jose) and rotating refresh tokens. The tenant comes only from the verified token; mock workspaces, last-good caches, breakers and a token-bucket rate limit are keyed by it in a store. A deliberately naive server — one Todoist client built from the first token, one cache keyed by tool and arguments — runs beside it.',
    challenge:
      'Take a single-user MCP integration (one token in the environment) to many users without one user ever seeing another’s data, and without the MCP client ever holding a Todoist credential.',
    concept: 'Per-tenant everything: identity from a verified token, the upstream token in a server-side vault, every cache, limit and store keyed by the tenant.',
    patterns: [
      'OAuth 2.1 resource server: 401 + resource_metadata, audience check (RFC 8707), 403 insufficient_scope naming the scope',
      'Third-party authorization: your own AS in front of the upstream’s OAuth; never pass a client’s token through',
      'Upstream tokens encrypted at rest, bound to the tenant, never logged or returned',
      'Rotating refresh tokens; reuse revokes the family; disconnect revokes upstream and every issued token',
      'A token bucket per tenant so one noisy user cannot starve the rest',
    ],
    explore: [
      'What exactly goes wrong if the tenant is taken from the Mcp-Session-Id, or from a tool argument?',
      'How would you key a shared cache so it is safe across tenants — and when is sharing across tenants ever right?',
      'Which of these stores must be shared when the server runs on several instances, and how (Redis, atomic one-time codes)?',
      'What does a refresh-token reuse tell you, and why revoke the whole family?',
      'How should a server tell a user their Todoist access was revoked upstream, and what should the assistant say?',
    ],
  },
});

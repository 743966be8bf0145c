import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'architecture',
  number: 6,
  title: 'Separation of concerns',
  stage: 'production-ready',
  summary:
    'The layers of this very app — fetch, process, present — the same core behind the web UI, HTTP and stdio, and the two generations of the protocol (sessions, then none). Connect Claude.',
  minutes: 18,
  status: 'live',
  objectives: [
    'Name the layers of this app (fetching, processing, presentation) and find each in the source.',
    'Explain the transport seam: how mock and real run side by side without patching fetch.',
    'See one tool call served by the same core on three faces: HTTP as a 2026-07-28 client, HTTP as a 2025-11-25 client, and stdio.',
    'Compare the two protocol generations on the wire — messages, HTTP requests, headers, bytes — and say what a load balancer must know for each.',
    'Connect Claude Desktop or Claude Code to this server.',
  ],
  widgets: ['layers', 'protocol-generations'],
  demos: [
    {
      id: 'same-core',
      title: 'One core, two backends',
      description:
        'The same tool through the same code; only the transport under the client differs. Compare the protocol traces: identical shapes, different sources.',
      tool: 'list_projects',
      arguments: { format: 'tree' },
      defaults: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' },
      offers: {
        backends: ['mock', 'real'],
        strategies: ['production', 'naive'],
        scenarios: ['faithful'],
        sizes: ['small'],
        tokens: ['configured'],
      },
      compare: {
        left: { backend: 'mock' },
        right: { backend: 'real' },
        point: 'Everything above the transport is shared: the difference between mock and real is one function.',
      },
    },
  ],
  sources: [
    {
      file: 'lib/todoist/transport.ts',
      symbol: 'createRealTransport',
      title: 'The seam: a function from Request to Response',
      note: 'Real mode passes fetch; mock mode passes MSW handlers through getResponse. Nothing is patched globally.',
    },
    {
      file: 'lib/mock/transport.ts',
      symbol: 'createMockTransport',
      title: 'The mock side of the seam',
      note: 'It behaves like fetch where it matters: network errors throw, aborts reject, unknown endpoints are an honest 501.',
    },
    {
      file: 'lib/mcp/server.ts',
      symbol: 'createDojoMcpServer',
      title: 'One factory, three faces',
      note: 'The HTTP route, the stdio binary and the tests all build their server here; only the transport differs.',
    },
    {
      file: 'lib/mcp/http/endpoint.ts',
      symbol: 'createMcpEndpoint',
      title: 'One endpoint, both protocol generations, no session',
      note: 'Guards, body cap, who is calling, then a fresh server per request — 2026-07-28 natively, 2025-era clients through the stateless fallback; a tool call holds its workspace’s lock until its answer is sent.',
    },
    {
      file: 'lib/state/store.ts',
      symbol: 'StateStore',
      title: 'Where state lives when there is no session',
      note: 'A few async calls keyed by who and which workspace — get and set, and the atomic ones (take, setIfAbsent, deleteIf, maps) that races between instances need: in memory by default, the same interface over Redis for many instances.',
    },
    {
      file: 'lib/mcp/stdio.ts',
      symbol: 'runStdioServer',
      title: 'The stdio face',
      note: 'What Claude Desktop launches: the same server over stdin/stdout, human messages on stderr.',
    },
  ],
  checkpoints: [
    {
      question: 'Where does the decision "mock or real" live in this app?',
      choices: [
        'In every tool, with an if',
        'In a global fetch patch',
        'In the transport given to the Todoist client, chosen once per request from its settings',
      ],
      answer: 2,
      explanation: 'One seam: the client takes a (Request) => Promise<Response>. Tools never know which backend they read.',
    },
    {
      question: 'Why keep lib/ free of React and Next?',
      choices: [
        'So the same core runs in the web app, the HTTP endpoint, the stdio binary and tests',
        'To make the bundle smaller',
        'Because Next forbids it',
      ],
      answer: 0,
      explanation: 'Framework-free logic is reusable and testable; the faces are thin adapters around it.',
    },
    {
      question: 'A bug in pagination: which layer do you fix?',
      choices: ['Processing (lib/todoist/pagination.ts)', 'Presentation (the tool’s text)', 'The React component'],
      answer: 0,
      explanation: 'Fetching, processing and presentation live apart, so a fix lands once and every face gets it.',
    },
    {
      question: 'A 2025-11-25 server that hands out an Mcp-Session-Id runs as three instances behind a load balancer. What must the load balancer do?',
      choices: [
        'Nothing: any instance can answer any request',
        'Send every request that carries the session id to the instance that created the session (sticky sessions)',
        'Send every request to the instance with the fewest connections',
      ],
      answer: 1,
      explanation:
        'The session lives in that instance’s memory (SDK 1.x cannot move it). Another instance does not know the session and answers 404, so the client has to start over. Sticky routing on the header, or routing messages to the owner, is the price of sessions.',
    },
    {
      question: 'Over 2026-07-28 there is no initialize and no session. How does the server know the client’s protocol version and capabilities on each call?',
      choices: [
        'It remembers them from the client’s first request',
        'It asks the client with a server-to-client request',
        'Each request carries them itself, in its _meta envelope (and the MCP-Protocol-Version header)',
      ],
      answer: 2,
      explanation:
        'Every request stands alone: a few hundred bytes more per request buy a server that keeps nothing between requests — so any instance can answer, and nothing piles up.',
    },
    {
      question: 'With no protocol session, where does this app keep a learner’s mock data, breaker and last-good cache between requests?',
      choices: [
        'In a store keyed by who is calling (a signed learner id) and which workspace — never by a session id or a tool argument',
        'In a module-level variable of the server process',
        'In the MCP client, which sends it back with every request',
      ],
      answer: 0,
      explanation:
        'A store behind a small async interface: in memory by default, Redis for several instances. Keyed by a verified identity, so one learner’s workspace is never reachable with another’s id.',
    },
  ],
  prompt: {
    purpose: 'Understand how separation of concerns lets one MCP integration serve many faces and stay testable.',
    context:
      'This app’s Todoist integration is split into fetching (transport, client), processing (pagination, trees, filters, resilience) and presentation (MCP tool output, React UI); the same core runs behind a web UI, a Streamable HTTP endpoint and a stdio binary. The HTTP endpoint serves both MCP generations from one factory: 2026-07-28 (no initialize, no session, every request carries its own _meta envelope) and 2025-11-25 clients (initialize first), statelessly — one fresh server per request, state in a store keyed by learner and workspace.',
    challenge:
      'Structure an integration so that mock and real backends, new transports, new faces and new protocol generations are each a small, local change — and so that the server scales out without sticky sessions.',
    concept: 'Layers and seams: an injected transport, a server factory, thin adapters; stateless per-request serving with state in a keyed store.',
    patterns: [
      'Inject the transport (Request → Response) instead of patching fetch',
      'One server factory; one tool per file; schemas as the single source of types',
      'Framework-free core, thin faces (route handler, stdio, UI)',
      'One server per request, both protocol eras from the same factory; no Mcp-Session-Id, so no sticky sessions',
      'State that must outlive a request in a store keyed by a verified identity and a workspace, never in a session or a module singleton',
    ],
    explore: [
      'A 2025-11-25 server with sessions behind a load balancer: what breaks when an instance restarts, and what does sticky routing cost?',
      'What does the per-request envelope of 2026-07-28 cost in bytes, and what does it buy?',
      'What would it take to add a second upstream (e.g. a calendar) behind the same tools?',
      'Where would caching live in this layering, and why there?',
      'How would you version tool schemas without breaking existing clients?',
    ],
  },
});

import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'architecture',
  number: 6,
  title: 'Separation of concerns',
  stage: 'production-ready',
  summary: 'The layers of this very app — fetch, process, present — and the same core behind the web UI, HTTP and stdio. Connect Claude.',
  minutes: 12,
  status: 'live',
  objectives: [
    'Name the layers of this app (fetching, processing, presentation) and find each in the source.',
    'Explain the transport seam: how mock and real run side by side without patching fetch.',
    'See one tool call served by the same core over three faces: this web UI, the HTTP endpoint and stdio.',
    'Connect Claude Desktop or Claude Code to this server.',
  ],
  widgets: ['layers'],
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
        'In the transport given to the Todoist client, chosen once per session',
        'In a global fetch patch',
      ],
      answer: 1,
      explanation: 'One seam: the client takes a (Request) => Promise<Response>. Tools never know which backend they read.',
    },
    {
      question: 'Why keep lib/ free of React and Next?',
      choices: [
        'To make the bundle smaller',
        'So the same core runs in the web app, the HTTP endpoint, the stdio binary and tests',
        'Because Next forbids it',
      ],
      answer: 1,
      explanation: 'Framework-free logic is reusable and testable; the faces are thin adapters around it.',
    },
    {
      question: 'A bug in pagination: which layer do you fix?',
      choices: ['Processing (lib/todoist/pagination.ts)', 'Presentation (the tool’s text)', 'The React component'],
      answer: 0,
      explanation: 'Fetching, processing and presentation live apart, so a fix lands once and every face gets it.',
    },
  ],
  prompt: {
    purpose: 'Understand how separation of concerns lets one MCP integration serve many faces and stay testable.',
    context:
      'This app’s Todoist integration is split into fetching (transport, client), processing (pagination, trees, filters, resilience) and presentation (MCP tool output, React UI); the same core runs behind a web UI, a Streamable HTTP endpoint and a stdio binary.',
    challenge: 'Structure an integration so that mock and real backends, new transports and new faces are each a small, local change.',
    concept: 'Layers and seams: an injected transport, a server factory, thin adapters.',
    patterns: [
      'Inject the transport (Request → Response) instead of patching fetch',
      'One server factory; one tool per file; schemas as the single source of types',
      'Framework-free core, thin faces (route handler, stdio, UI)',
    ],
    explore: [
      'What would it take to add a second upstream (e.g. a calendar) behind the same tools?',
      'Where would caching live in this layering, and why there?',
      'How would you version tool schemas without breaking existing clients?',
    ],
  },
});

import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'mock-that-lied',
  number: 1,
  title: 'The mock that lied',
  stage: 'mock-to-real',
  summary:
    'Why the integration "worked" on mock data and then answered with canned todos — and the one line that stops a model from being fooled.',
  minutes: 12,
  status: 'live',
  objectives: [
    'Explain how a "helpful" fallback to mock data made an AI present fake todos as the user\'s real ones.',
    'Read the exact text a model receives, with and without a provenance line.',
    'Tell an honest error (what failed, why, what to do) from a silent substitution.',
  ],
  demos: [
    {
      id: 'missing-token',
      title: "What's due? — with no token",
      description:
        'Real backend, no token. Run the naive server and the production server side by side and compare what a model would read.',
      tool: 'get_overview',
      arguments: {},
      defaults: { backend: 'real', strategy: 'naive', scenario: 'faithful', size: 'small', token: 'missing' },
      offers: {
        backends: ['real', 'mock'],
        strategies: ['naive', 'production'],
        scenarios: ['faithful', 'unauthorized', 'down'],
        sizes: ['small'],
        tokens: ['missing', 'wrong', 'configured'],
      },
      compare: {
        left: { strategy: 'naive' },
        right: { strategy: 'production' },
        point:
          'The naive server answers with plausible todos that are not the user\'s; the production server refuses and says exactly why and how to fix it.',
      },
    },
    {
      id: 'labelled-answers',
      title: 'Mock and real, each labelled',
      description:
        'The production server on both backends. Both answers work — and each one says where it came from, in its first line. With no token on this machine, "real" is the app’s Todoist stand-in, and its first line says that too.',
      tool: 'list_tasks',
      arguments: { priority: 'p1' },
      defaults: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' },
      offers: {
        backends: ['mock', 'real'],
        strategies: ['production', 'naive'],
        scenarios: ['faithful', 'naive'],
        sizes: ['tiny', 'small'],
        tokens: ['configured', 'missing'],
      },
      compare: {
        left: { backend: 'mock' },
        right: { backend: 'real' },
        point: 'Same tool, same code: only the first line — the source — tells a model which answer is real.',
      },
    },
  ],
  sources: [
    {
      file: 'lib/mcp/tool.ts',
      symbol: 'cannedAnswer',
      title: 'The bug, kept on purpose: mock-on-error',
      note: 'Any failure — a missing token, a 401, a dead network — becomes canned todos, and nothing in the text says so.',
    },
    {
      file: 'lib/mcp/provenance.ts',
      symbol: 'provenanceLine',
      title: 'The fix: a first line a model cannot misread',
      note: 'Every answer starts by naming its source: MOCK DATA, the live API, or a cache and its age.',
    },
    {
      file: 'lib/mcp/source.ts',
      symbol: 'MissingTokenError',
      title: 'No token in real mode is an error, never a fallback',
      note: 'The message says what is missing and where the server looked, so a person can fix it in one step.',
    },
  ],
  checkpoints: [
    {
      // The number is the one the first demo shows: get_overview lists what is due within 7 days, 8 of the 12 canned todos.
      question: 'With no token, the naive server still answered “What’s due?” with an overview of 8 tasks. What did the model receive?',
      choices: [
        'An error saying no token was configured',
        'An empty list',
        'Canned mock todos, with nothing saying they were mock data',
      ],
      answer: 2,
      explanation:
        'mock-on-error swallows the failure and substitutes its 12 canned todos (8 of them due this week, so the overview lists 8). The text carries no hint of its source, so the model has no reason to doubt it.',
    },
    {
      question: 'Why put the source in the first line of the text, not only in _meta?',
      choices: [
        'Because the model reads the text content; _meta is for programs and most clients never show it to the model',
        'Because _meta is not valid JSON-RPC',
        'Because the first line is shorter',
      ],
      answer: 0,
      explanation:
        '_meta is for programs (like this app\'s badges). What the model reasons over is the text — so the warning has to be there, first.',
    },
    {
      question: 'In real mode the API is down. What should a production MCP server answer?',
      choices: [
        'The mock data, so the conversation can go on',
        'A clear error naming what failed and what to do — or a cached answer labelled as stale with its age',
        'An empty list of tasks',
      ],
      answer: 1,
      explanation:
        'An empty list reads as "you have nothing to do"; mock data reads as your tasks. Only an honest error or a labelled stale answer leaves the model able to tell the truth.',
    },
  ],
  prompt: {
    purpose: 'Understand why an MCP integration that "worked" on mock data made an AI hallucinate a user\'s todos.',
    context:
      'A Todoist MCP server fell back to canned mock todos whenever it had no token or a call failed, and said nothing. The model presented those todos as the user\'s real tasks.',
    challenge:
      'Design tool output so that a model can never mistake mock, cached or partial data for the user\'s live data — without making every answer an error.',
    concept: 'Provenance: every tool result states its source (mock, live API, cache and its age) in words, first.',
    patterns: [
      'Fail loudly in real mode: a clear error that names the cause and the fix beats any substitute data',
      'Label every answer with its source in the text the model reads, and in structured _meta for programs',
      'Keep mock data for tests and demos, behind an explicit switch — never as an error handler',
    ],
    explore: [
      'How would you word an error so the model relays the fix to the user instead of apologising vaguely?',
      'When is serving cached data better than an error, and what must the label say?',
      'Where else can an integration silently substitute data (defaults, empty results on error, partial pages)?',
    ],
  },
});

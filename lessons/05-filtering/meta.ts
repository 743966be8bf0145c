import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'filtering',
  number: 5,
  title: 'Context-aware filtering',
  stage: 'production-ready',
  summary: 'Todoist filter queries, server-side vs client-side filtering, and compact answers under a token budget.',
  minutes: 12,
  status: 'live',
  objectives: [
    'Measure what a raw API dump costs a model’s context, and what a compact answer saves.',
    'Let the API filter (tasks/filter) instead of fetching everything and filtering in the tool.',
    'Answer within a token budget: most important first, and a line saying what was left out and how to get it.',
  ],
  widgets: ['size-compare'],
  demos: [
    {
      id: 'raw-vs-compact',
      title: "What's on my plate — raw or context-aware",
      description:
        'The same get_overview over the same tasks, as the raw API JSON and as compact lines under a budget. Run side by side and read “Text the model reads” in the differences: bytes and estimated tokens of each answer, and which tasks only one of them names.',
      tool: 'get_overview',
      arguments: {},
      defaults: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' },
      offers: {
        backends: ['mock', 'real'],
        strategies: ['production'],
        scenarios: ['faithful'],
        sizes: ['small', 'large'],
        tokens: ['configured'],
      },
      compare: {
        left: { output: 'raw' },
        right: { output: 'compact' },
        point:
          'Same question, same source: the compact answer is a fraction of the size, puts overdue tasks first and names what it left out.',
      },
    },
    {
      id: 'filter-query',
      title: 'A Todoist filter query',
      description:
        'Type a Todoist filter query, or pick one of the examples, and Run: the API filters, and only what matches comes back. A broken query (the last example) returns the API’s error, word for word.',
      tool: 'filter_tasks',
      arguments: { query: 'today | overdue' },
      inputs: [
        {
          name: 'query',
          label: 'Filter query',
          examples: ['today | overdue', '#Work & p1', '@waiting', '7 days & !recurring', 'today & & ('],
        },
      ],
      defaults: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' },
      offers: {
        backends: ['mock', 'real'],
        strategies: ['production'],
        scenarios: ['faithful'],
        sizes: ['small', 'large'],
        tokens: ['configured'],
      },
    },
  ],
  sources: [
    {
      file: 'lib/mcp/budget.ts',
      symbol: 'fitToBudget',
      title: 'Fitting an answer to a budget',
      note: 'Most important first; once full, stay full — never skip an important item for a smaller, later one.',
    },
    {
      file: 'lib/mcp/format.ts',
      symbol: 'taskLine',
      title: 'One line per task',
      note: 'Priority, title, due, project path, labels, id — no nulls, no noise.',
    },
    {
      file: 'lib/mock/filter/evaluate.ts',
      symbol: 'filterTasks',
      title: 'Server-side filtering, as the mock does it',
      note: 'The mock implements a useful subset of Todoist’s filter language, so the same query runs offline.',
    },
  ],
  checkpoints: [
    {
      question: 'Why is a raw API dump a poor tool answer even when it is correct?',
      choices: [
        'It is not valid JSON',
        'Models cannot read JSON',
        'It spends the model’s context on nulls, ids and fields it does not need, crowding out the conversation',
      ],
      answer: 2,
      explanation: 'Context is shared and finite. Every byte of noise is a byte the model cannot spend on the user’s question.',
    },
    {
      question: 'What should a budgeted answer do when not everything fits?',
      choices: [
        'Keep the most important items and say what was left out and how to get it',
        'Cut silently at the budget',
        'Return an error',
      ],
      answer: 0,
      explanation: 'A silent cut reads as complete. A closing line ("12 upcoming left out — use filter_tasks \\"7 days\\"") keeps the model honest.',
    },
    {
      question: 'When is filtering in the tool (after fetching everything) the right choice?',
      choices: [
        'Always: it is simpler',
        'When the API cannot express the filter (e.g. GET /tasks has no priority parameter)',
        'Never',
      ],
      answer: 1,
      explanation: 'Let the API filter when it can — fewer requests and bytes. Filter locally only what it cannot express.',
    },
  ],
  prompt: {
    purpose: 'Understand how to make MCP tool answers context-aware: small, relevant and honest about what they leave out.',
    context:
      'A Todoist MCP server can dump raw API JSON (every field of every task) or answer with compact lines under a token budget, and can filter on the server (tasks/filter) or fetch everything and filter itself.',
    challenge: 'Give the model what it needs to answer, in as few tokens as possible, without silently dropping anything important.',
    concept: 'Context budgets, server-side filtering, compact formatting with explicit omissions.',
    patterns: [
      'Server-side filtering when the API can express it',
      'Compact, null-free lines with ids for follow-up calls',
      'Most important first; a closing line naming what was left out and how to get it',
      'structuredContent for programs, compact text for the model',
    ],
    explore: [
      'How would you choose a budget for a tool when you do not know the model’s context size?',
      'Should a tool summarise (e.g. "14 tasks in Work") instead of listing? When?',
      'How do you test that a compact answer still contains what the user asked about?',
    ],
  },
});

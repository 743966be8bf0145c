import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'pagination',
  number: 3,
  title: 'Pagination and nested data',
  stage: 'mock-to-real',
  summary: 'First page only vs following next_cursor; building projects → sections → tasks → subtasks once every page is in.',
  minutes: 15,
  status: 'live',
  objectives: [
    'See why code tested on a 12-task mock silently drops most of a real account.',
    'Follow Todoist’s cursor pagination correctly: same parameters on every page, dedupe by id, stop at null.',
    'Build a tree from paginated flat lists — and say why it cannot be built page by page.',
    'Fail honestly when a page in the middle fails, instead of returning a partial list.',
  ],
  widgets: ['pagination-grid', 'task-tree'],
  demos: [
    {
      id: 'count-the-tasks',
      title: 'How many tasks do I have?',
      description:
        'list_tasks with the naive (first page only) and the production (every page) strategy. On the naive mock both agree; on the real backend they do not. With no token, "real" is the app’s Todoist stand-in: 180 tasks over real HTTP, pages of 50 by default.',
      tool: 'list_tasks',
      arguments: {},
      // read=pages: the cursor loop is what this lesson shows, whatever the strategy's full read of everything is.
      defaults: { backend: 'real', strategy: 'naive', scenario: 'faithful', size: 'small', token: 'configured', read: 'pages' },
      offers: {
        backends: ['mock', 'real'],
        strategies: ['naive', 'production'],
        scenarios: ['naive', 'faithful', 'page-fails'],
        sizes: ['tiny', 'small', 'large'],
        tokens: ['configured'],
      },
      compare: {
        left: { strategy: 'naive' },
        right: { strategy: 'production' },
        point:
          'The naive read returns 50 of 180 tasks and says nothing: it reads one page of 50 and never looks at next_cursor. The production read follows next_cursor until it is null and returns all 180.',
      },
    },
    {
      id: 'page-fails',
      title: 'A page fails half-way',
      description:
        'The mock’s page 2 fails. The production strategy retries it, then refuses to return a partial list and says what it read.',
      tool: 'list_tasks',
      arguments: {},
      // A full sync has no pages to fail: pinned to the cursor loop, like the first demo.
      defaults: { backend: 'mock', strategy: 'production', scenario: 'page-fails', size: 'large', token: 'configured', read: 'pages' },
      offers: {
        backends: ['mock'],
        strategies: ['production', 'naive'],
        scenarios: ['page-fails', 'faithful'],
        sizes: ['small', 'large'],
        tokens: ['configured'],
      },
    },
  ],
  sources: [
    {
      file: 'lib/todoist/pagination.ts',
      symbol: 'firstPageOnly',
      title: 'The bug: one request, next_cursor ignored',
      note: 'The most common pagination bug in the field — even the official SDK’s getTasks returns one page.',
    },
    {
      file: 'lib/todoist/pagination.ts',
      symbol: 'paginate',
      title: 'The fix: follow the cursor',
      note: 'Same parameters on every page, dedupe by id, a max-pages guard, a loop detector, and a report of what happened.',
    },
    {
      file: 'lib/todoist/tree.ts',
      symbol: 'buildTaskForest',
      title: 'Nested data, once every page is in',
      note: 'Subtasks point at their parent by id, and the parent can be on another page: link after reading, keep orphans.',
    },
    {
      file: 'lib/mock/naive.ts',
      symbol: 'createNaiveHandlers',
      title: 'Why the mock never showed it',
      note: 'The original mock answered every listing with the same 12 todos in one response — no pages to miss.',
    },
  ],
  checkpoints: [
    {
      question: 'The naive code lists tasks on an account with 180 active tasks. How many does it return?',
      choices: ['180', '200 — the maximum page size', '50 — the API’s default page size'],
      answer: 2,
      explanation: 'Without a limit the API sends 50 and a next_cursor. Code that ignores next_cursor returns 50 and looks right.',
    },
    {
      question: 'What must stay the same when you send the next cursor?',
      choices: ['Nothing: the cursor carries everything', 'Every other parameter (filters and limit)', 'Only the limit'],
      answer: 1,
      explanation: 'A cursor is bound to the parameters it was issued for; changing them is a 400 INVALID_ARGUMENT_VALUE.',
    },
    {
      question: 'Why can’t you build the task tree while pages are still arriving?',
      choices: [
        'Because trees are slow to build',
        'Because the API sends subtasks before parents',
        'A subtask’s parent may be on a later page, so you cannot yet tell an orphan from a task whose parent is coming',
      ],
      answer: 2,
      explanation: 'Link by id after the last page. Items whose parent is genuinely missing are kept and marked, never dropped.',
    },
    {
      question: 'Todoist’s Sync endpoint can return every active task in one request (sync_token=*). When is that a cheaper full read than following next_cursor?',
      choices: [
        'Always: it is one request',
        'Above 200 tasks, and only for an unfiltered read: one request where paging makes one per 200, against a quota of 100 full syncs per user per 15 minutes',
        'Never: a full sync sends far more bytes than the pages',
      ],
      answer: 1,
      explanation:
        'At 5,000 tasks paging makes 25 requests and one full sync makes 1, for about the same bytes. At 200 or fewer both take one request, and paging draws on the larger quota. Sync cannot filter, so a read of one project still pages. Keeping the list current afterwards is incremental sync’s job (lesson 8).',
    },
    {
      question: 'Page 3 of 5 fails after retries. What should the tool return?',
      choices: [
        'An error that says how many pages and tasks were read and that the rest is missing',
        'The tasks from pages 1 and 2 — better than nothing',
        'Mock data for the missing pages',
      ],
      answer: 0,
      explanation: 'A partial list reads as complete to a model ("you have 400 tasks"). Say what is missing, or say nothing.',
    },
  ],
  prompt: {
    purpose: 'Understand why paginated APIs break integrations that were tested on small mock data.',
    context:
      'A Todoist MCP tool read only the first page of GET /tasks (50 items by default) and ignored next_cursor. On a 12-task mock it was always right; on a real account it silently dropped most tasks.',
    challenge:
      'Read every page correctly and efficiently, assemble nested data (projects → sections → tasks → subtasks) from flat paginated lists, and stay honest when a page fails.',
    concept: 'Cursor pagination over nested data, with a report of pages, requests and what was missing.',
    patterns: [
      'Loop until next_cursor is null, sending every other parameter unchanged',
      'Deduplicate by id across pages; guard with a max-pages limit and a cursor-loop check',
      'Build trees only after the last page; keep orphans instead of dropping them',
      'Never return a partial list as if it were complete',
    ],
    explore: [
      'When is it right to stop early and tell the model "there are more — ask for them"?',
      'How would you stream pages to a client with MCP progress notifications?',
      'How do concurrent edits between pages show up, and what can a client do about them?',
    ],
  },
});

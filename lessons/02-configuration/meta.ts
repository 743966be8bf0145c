import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'configuration',
  number: 2,
  title: 'Finding configuration',
  stage: 'mock-to-real',
  summary:
    'Environment → config file → platform settings: which source wins each key, masked secrets, and a clear error when nothing is found.',
  minutes: 12,
  status: 'live',
  objectives: [
    'Name the three places a server looks for its token, and the order that decides which one wins.',
    'Read a resolution table: the value in force, where it came from, and what it shadows.',
    'Write configuration errors that name the file, the key and the fix — and never the secret.',
  ],
  widgets: ['config-resolution'],
  demos: [
    {
      id: 'where-it-looked',
      title: 'No token: where did it look?',
      description:
        'Real backend with the token simulated as missing, beside the configured one. The production error lists every place the server looked. (With no token configured on this machine, the configured side reaches the app’s Todoist stand-in, and its first line says so.)',
      tool: 'list_projects',
      arguments: { format: 'tree' },
      defaults: { backend: 'real', strategy: 'production', scenario: 'faithful', size: 'small', token: 'missing' },
      offers: {
        backends: ['real'],
        strategies: ['production', 'naive'],
        scenarios: ['faithful'],
        sizes: ['small'],
        tokens: ['missing', 'configured', 'wrong'],
      },
      compare: {
        left: { token: 'missing' },
        right: { token: 'configured' },
        point:
          'Without a token the server does not guess: it names the three ways to provide one and the exact files it checked.',
      },
    },
  ],
  sources: [
    {
      file: 'lib/config/resolve.ts',
      symbol: 'resolveConfig',
      title: 'Precedence in one place',
      note: 'Every source is read on every call, in order; for each key the first that sets it wins and the rest are kept as shadowed.',
    },
    {
      file: 'lib/config/sources.ts',
      symbol: 'readEnvironment',
      title: 'The environment, with the official server’s alias',
      note: 'TODOIST_API_TOKEN first, TODOIST_API_KEY second — so a config written for Doist’s own MCP server works here too.',
    },
    {
      file: 'lib/config/mask.ts',
      symbol: 'maskSecret',
      title: 'Showing a secret without showing it',
      note: 'Enough to recognise which token is in force, never enough to use it.',
    },
    {
      file: 'lib/config/report.ts',
      symbol: 'whereToSetToken',
      title: 'The error that tells you what to do',
      note: 'The real-mode error names all three ways and every path that was checked, found or not.',
    },
  ],
  checkpoints: [
    {
      question: 'TODOIST_API_TOKEN is set in the environment and a different token is saved on the settings page. Which one is used?',
      choices: ['The environment variable', 'The one saved on the settings page, because it is newer', 'Neither: the server refuses to start'],
      answer: 0,
      explanation:
        'Environment beats config file beats platform settings. The settings page shows its saved value as shadowed, so nobody wonders why their change "does nothing".',
    },
    {
      question: 'Why read the configuration on every call instead of once at start-up?',
      choices: [
        'Reading files is faster than reading memory',
        'The MCP protocol requires it',
        'A token saved on the settings page, or a fixed config file, takes effect without a restart',
      ],
      answer: 2,
      explanation: 'A few small reads per call cost little, and the learner (or the user) sees the effect of a change at once.',
    },
    {
      question: 'The config file contains `{"todoistApiTokn": "…"}`. What should happen?',
      choices: [
        'An error that names the file and the unknown key and lists the allowed keys',
        'Ignore the unknown key, since extra keys are harmless',
        'Use the value anyway — the intent is clear',
      ],
      answer: 0,
      explanation:
        'A silently ignored typo looks exactly like "no token configured" — the very confusion this lesson removes. Strict keys turn it into a one-line fix.',
    },
    {
      question: 'Where should a platform such as Claude Desktop put the token?',
      choices: [
        'In the tool arguments of each call',
        'In the server process’s environment (the "env" block of its MCP server entry)',
        'In the browser’s local storage',
      ],
      answer: 1,
      explanation:
        'The platform launches the server and owns its environment. Tool arguments pass through the model; local storage is readable by any script on the page.',
    },
  ],
  prompt: {
    purpose: 'Understand how an MCP server should discover its configuration from several sources, and explain what it found.',
    context:
      'A Todoist MCP server reads its token from the environment, then a config file, then settings saved in its web UI. When none is set, real mode must fail with a useful error rather than fall back to mock data.',
    challenge:
      'Design configuration discovery that is predictable (a clear precedence), observable (which source won, what it shadowed) and safe (secrets masked everywhere they are shown).',
    concept: 'Multi-source configuration with explicit precedence and a resolution report.',
    patterns: [
      'Environment → config file → platform settings, first wins, the rest reported as shadowed',
      'Strict schemas for config files: unknown keys are errors that name the key',
      'Masked display values; secrets never in logs, errors or responses',
      'Errors that name the file, the key and the fix',
    ],
    explore: [
      'How would this change for a multi-tenant server where every user has their own token?',
      'What belongs in the environment versus a file versus a secret store in production?',
      'How should the server react when a config file changes while it runs?',
    ],
  },
});

import { defineLesson } from '@/lib/lessons/define';

const FAULTS = ['faithful', 'rate-limited', 'flaky', 'slow', 'timeout', 'down', 'malformed', 'page-fails', 'unauthorized'] as const;

export default defineLesson({
  slug: 'fallback',
  number: 4,
  title: 'Errors and graceful fallback',
  stage: 'production-ready',
  summary: '429s, 5xx, timeouts and malformed JSON: retry with backoff, a circuit breaker, and stale data labelled as stale.',
  minutes: 15,
  status: 'live',
  objectives: [
    'Tell retryable failures (429, 5xx, network, timeout) from ones that will never succeed (other 4xx, bad data).',
    'Retry with exponential backoff and full jitter, honouring retry_after, within a deadline.',
    'Explain how a circuit breaker turns a dead upstream from a timeout per call into an answer in milliseconds.',
    'Serve the last good answer only when it is labelled stale, with its age — never mock data.',
  ],
  widgets: ['fault-timeline'],
  demos: [
    {
      id: 'under-a-fault',
      title: 'Naive vs production under a fault',
      description:
        'Three steps. 1: Run side by side as it is (faithful): both answer live, and the production side keeps that answer as its last good one. 2: Pick the scenario "down" and Run side by side again: the naive side answers with canned todos, unlabelled; the production side retries, then serves its last good answer labelled stale, with its age. 3: Back to "faithful": live again once the breaker lets a probe through (20 s).',
      tool: 'get_overview',
      arguments: {},
      defaults: { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' },
      offers: {
        backends: ['mock'],
        strategies: ['production', 'naive'],
        scenarios: [...FAULTS],
        sizes: ['small'],
        tokens: ['configured'],
      },
      compare: {
        left: { strategy: 'naive' },
        right: { strategy: 'production' },
        point:
          'Under a fault the naive server answers with canned todos, unlabelled. The production server retries, then answers from the last good answer its workspace kept — labelled stale, with its age — or, with nothing kept, says exactly what failed.',
      },
    },
    {
      id: 'bad-data',
      title: 'Malformed JSON and schema drift',
      description:
        'The upstream answers 200 with invalid JSON. The production answer says what was wrong instead of crashing or guessing.',
      tool: 'list_tasks',
      arguments: {},
      defaults: { backend: 'mock', strategy: 'production', scenario: 'malformed', size: 'small', token: 'configured' },
      offers: {
        backends: ['mock'],
        strategies: ['production', 'naive'],
        scenarios: ['malformed', 'faithful'],
        sizes: ['small'],
        tokens: ['configured'],
      },
    },
  ],
  sources: [
    {
      file: 'lib/mcp/resilience.ts',
      symbol: 'classifyTodoistFailure',
      title: 'What is worth retrying',
      note: '429, 5xx, network errors and timeouts may succeed later; a 404 or a broken body will not. Only outages count towards the breaker.',
    },
    {
      file: 'lib/mcp/resilience.ts',
      symbol: 'classifyFailureOf',
      title: 'Writes are not retried blindly',
      note: 'A timed-out POST may have been applied; only a 429 (refused before any work) is safe to send again.',
    },
    {
      file: 'lib/resilience/backoff.ts',
      symbol: 'fullJitterDelay',
      title: 'Backoff with full jitter',
      note: 'Random waits spread many clients apart, so a recovering server is not hit by all of them at once.',
    },
    {
      file: 'lib/resilience/execute.ts',
      symbol: 'executeResiliently',
      title: 'One request under the rules',
      note: 'Breaker check, attempt, classify, wait the larger of backoff and retry_after — within the attempts and the deadline.',
    },
    {
      file: 'lib/resilience/breaker.ts',
      symbol: 'CircuitBreaker',
      title: 'The circuit breaker',
      note: 'Closed → open after repeated outages → half-open after a cooldown, letting one probe decide.',
    },
  ],
  checkpoints: [
    {
      question: 'Which of these should be retried?',
      choices: ['429 with retry_after: 3', '404 NOT_FOUND', '400 INVALID_ARGUMENT_VALUE'],
      answer: 0,
      explanation: 'A 429 says "later"; wait at least retry_after seconds. A 404 or a 400 will fail the same way every time.',
    },
    {
      question: 'Why add random jitter to exponential backoff?',
      choices: [
        'To make the timeline look busier',
        'So that many clients that failed together do not all retry at the same moment',
        'Because the API requires it',
      ],
      answer: 1,
      explanation: 'Without jitter, synchronized retries arrive as a wave exactly when the server is trying to recover.',
    },
    {
      question: 'The upstream is down and the breaker is open. What does the next call cost?',
      choices: ['One timeout', 'Four timeouts, one per attempt', 'A few milliseconds: no request is sent'],
      answer: 2,
      explanation: 'An open breaker answers at once (from the cache, labelled stale, or with a clear error) until its cooldown lets a probe through.',
    },
    {
      question: 'There is no cached answer and every retry failed. What does the production server return?',
      choices: ['Mock data, clearly labelled', 'An error that says what failed and what to do', 'An empty list'],
      answer: 1,
      explanation: 'Even labelled mock data invites a model to use it. An empty list says "nothing to do". Only an honest error is true.',
    },
  ],
  prompt: {
    purpose: 'Understand how an MCP server should behave when its upstream API misbehaves.',
    context:
      'A Todoist MCP server faces 429s with retry_after, 5xx errors, timeouts, a dead network and malformed JSON. Its first version answered every failure with canned mock todos.',
    challenge:
      'Recover from transient failures without hammering the API, fail fast when it is down, and never present stale or substitute data as live.',
    concept: 'Retry with backoff and jitter, circuit breaker, deadline, last-good cache labelled stale.',
    patterns: [
      'Retry only what can succeed later; honour retry_after; stop at a deadline',
      'Full jitter on exponential backoff',
      'A circuit breaker per upstream: closed, open, half-open',
      'Stale data only with its age in the answer; otherwise an honest error',
    ],
    explore: [
      'How should retries interact with non-idempotent writes such as closing a recurring task?',
      'This server keeps the breaker and the last good answer per learner workspace, outside any MCP session: what changes when it runs as several instances behind a load balancer?',
      'How old may a cached task list be before serving it does more harm than good?',
    ],
  },
});

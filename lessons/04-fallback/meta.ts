import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'fallback',
  number: 4,
  title: 'Errors and graceful fallback',
  stage: 'production-ready',
  summary: '429s, 5xx, timeouts and malformed JSON: retry with backoff, a circuit breaker, and stale data labelled as stale.',
  minutes: 15,
  status: 'coming-soon',
});

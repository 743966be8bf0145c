import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'real-time',
  number: 8,
  title: 'Real-time MCP',
  stage: 'beyond-one-user',
  summary: 'Todoist webhooks (HMAC-verified) → MCP resource subscriptions → live notifications in the browser.',
  minutes: 15,
  status: 'coming-soon',
});

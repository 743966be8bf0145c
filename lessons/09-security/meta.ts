import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'security',
  number: 9,
  title: 'MCP security',
  stage: 'beyond-one-user',
  summary: 'Origin checks, auth on the endpoint, no token passthrough, least-privilege scopes, prompt injection in task text.',
  minutes: 15,
  status: 'coming-soon',
});

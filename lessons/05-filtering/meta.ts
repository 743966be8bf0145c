import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'filtering',
  number: 5,
  title: 'Context-aware filtering',
  stage: 'production-ready',
  summary: 'Todoist filter queries, server-side vs client-side filtering, and compact answers under a token budget.',
  minutes: 12,
  status: 'coming-soon',
});

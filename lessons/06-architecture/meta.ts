import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'architecture',
  number: 6,
  title: 'Separation of concerns',
  stage: 'production-ready',
  summary: 'The layers of this very app — fetch, process, present — and the same core behind the web UI, HTTP and stdio. Connect Claude.',
  minutes: 12,
  status: 'coming-soon',
});

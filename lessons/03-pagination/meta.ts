import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'pagination',
  number: 3,
  title: 'Pagination and nested data',
  stage: 'mock-to-real',
  summary: 'First page only vs following next_cursor; building projects → sections → tasks → subtasks once every page is in.',
  minutes: 15,
  status: 'coming-soon',
});

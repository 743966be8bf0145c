import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'configuration',
  number: 2,
  title: 'Finding configuration',
  stage: 'mock-to-real',
  summary: 'Environment → config file → platform settings: which source wins each key, masked secrets, and a clear error when nothing is found.',
  minutes: 12,
  status: 'coming-soon',
});

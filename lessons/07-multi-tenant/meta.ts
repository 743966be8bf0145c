import { defineLesson } from '@/lib/lessons/define';

export default defineLesson({
  slug: 'multi-tenant',
  number: 7,
  title: 'Multi-tenant MCP',
  stage: 'beyond-one-user',
  summary: "Per-session identity, per-tenant tokens, caches and limits — and proof that tenants never see each other's data.",
  minutes: 15,
  status: 'coming-soon',
});

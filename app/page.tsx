const LESSONS = [
  'The mock that lied',
  'Finding configuration',
  'Pagination and nested data',
  'Errors and graceful fallback',
  'Context-aware filtering',
  'Separation of concerns',
  'Multi-tenant MCP',
  'Real-time MCP',
  'MCP security',
] as const;

export default function HomePage() {
  return (
    <>
      <h1 className="text-4xl font-bold tracking-tight">MCP Dojo</h1>
      <p className="mt-4 max-w-2xl text-lg leading-relaxed text-muted">
        Learn how an MCP integration with Todoist goes from a mock that lies to a production integration you can
        trust.
      </p>

      <section aria-labelledby="lessons-heading" className="mt-10">
        <h2 id="lessons-heading" className="text-xl font-semibold">
          Lessons
        </h2>
        <ol data-testid="lesson-list" className="mt-4 divide-y divide-border rounded-lg border border-border">
          {LESSONS.map((title, index) => (
            <li key={title} className="flex items-center justify-between gap-4 px-4 py-3">
              <span className="flex items-baseline gap-3">
                <span className="w-6 shrink-0 text-right font-mono text-sm text-muted">{index + 1}.</span>
                <span>{title}</span>
              </span>
              <span className="shrink-0 rounded-full border border-border px-2 py-0.5 text-xs text-muted">
                coming soon
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

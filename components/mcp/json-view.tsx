/** JSON in a collapsible block: closed by default, since results can be large. */
export function JsonView({ label, value, open = false }: { label: string; value: unknown; open?: boolean }) {
  return (
    <details open={open} className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-muted hover:text-foreground">{label}</summary>
      {/* Focusable, so keyboard users can scroll it. */}
      <pre tabIndex={0} className="max-h-96 overflow-auto border-t border-border px-3 py-2 font-mono text-sm leading-relaxed">
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}

/**
 * Two or more sizes as bars of proportional length: the table beside them
 * has the numbers, so the bars are for the eye only (aria-hidden).
 */
export interface SizeBar {
  label: string;
  value: number;
  display: string;
  /** The bar for the better option stands out. */
  highlight?: boolean;
}

export function SizeBars({ bars }: { bars: readonly SizeBar[] }) {
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <div aria-hidden className="space-y-1.5">
      {bars.map((bar) => (
        <div key={bar.label} className="grid grid-cols-[7rem_minmax(0,1fr)_5.5rem] items-center gap-3 text-sm">
          <span className="truncate font-mono">{bar.label}</span>
          <span className="h-5">
            <span
              className={`block h-full rounded-sm ${bar.highlight ? 'bg-accent' : 'bg-muted/50'}`}
              // At least a sliver, so a tiny value is still visible.
              style={{ width: `max(0.25rem, ${(bar.value / largest) * 100}%)` }}
            />
          </span>
          <span className="text-right font-mono whitespace-nowrap">{bar.display}</span>
        </div>
      ))}
    </div>
  );
}

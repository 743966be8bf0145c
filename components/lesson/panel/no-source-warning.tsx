/** The pill that flags model-facing text without a "Source:" first line. Theme colours, so it reads in dark mode too. */
import type { ReactNode } from 'react';

export function NoSourceWarning({ children }: { children: ReactNode }) {
  return (
    <span
      data-testid="no-source-warning"
      className="rounded border-2 border-warning bg-warning-surface px-2 font-mono text-xs font-bold text-warning-foreground"
    >
      {children}
    </span>
  );
}

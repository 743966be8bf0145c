/**
 * One call's resilience timeline as an ordered list: when (relative to the
 * first event), what kind of event, and what happened, in words.
 */
import { timelineRows, type TimelineKind } from '@/lib/lessons/widgets/fault-timeline-format';
import type { TimelineEvent } from '@/lib/resilience/timeline';

// Text colours that keep 4.5:1 on both themes' backgrounds.
const KIND_TONES: Record<TimelineKind, string> = {
  attempt: 'text-foreground',
  success: 'text-emerald-700 dark:text-emerald-300',
  failure: 'text-red-700 dark:text-red-300',
  wait: 'text-amber-800 dark:text-amber-300',
  'give-up': 'font-bold text-red-700 dark:text-red-300',
  breaker: 'font-bold text-violet-700 dark:text-violet-300',
  'breaker-rejected': 'text-violet-700 dark:text-violet-300',
  cache: 'text-sky-700 dark:text-sky-300',
};

export function FaultTimelineList({ events }: { events: readonly TimelineEvent[] }) {
  const rows = timelineRows(events);
  return (
    <ol aria-label="Resilience timeline" data-testid="fault-timeline" className="divide-y divide-border rounded-md border border-border">
      {rows.map((row, index) => (
        <li
          key={index}
          data-testid="timeline-event"
          data-type={row.kind}
          data-ms={'ms' in row.event ? row.event.ms : undefined}
          data-retry-after-seconds={row.event.type === 'wait' ? row.event.retryAfterSeconds : undefined}
          className="grid grid-cols-[4.5rem_7rem_minmax(0,1fr)] items-baseline gap-x-3 px-3 py-1.5 text-base"
        >
          <span className="text-right font-mono text-sm text-muted tabular-nums">{row.offset}</span>
          <span className={`font-mono text-sm ${KIND_TONES[row.kind]}`}>
            <span aria-hidden className="mr-1.5 inline-block w-4 text-center">
              {row.icon}
            </span>
            {row.label}
          </span>
          <span className="min-w-0 break-words">{row.text}</span>
        </li>
      ))}
    </ol>
  );
}

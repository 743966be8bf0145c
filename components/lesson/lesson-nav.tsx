/**
 * Previous / next live lesson, on keys p and n. Where there is none, a plain
 * note takes the link's place — so the keys simply do nothing there.
 */
import Link from 'next/link';
import { Kbd, shortcut } from '@/components/keyboard/shortcut';

interface LessonLink {
  slug: string;
  number: number;
  title: string;
}

export function LessonNav({ previous, next, upcoming }: { previous?: LessonLink; next?: LessonLink; upcoming?: LessonLink }) {
  return (
    <nav aria-label="Lessons" className="grid gap-3 sm:grid-cols-2">
      {previous ? (
        <Link
          href={`/lessons/${previous.slug}`}
          rel="prev"
          {...shortcut('p')}
          className="group rounded-xl border border-border p-4 hover:border-accent"
        >
          <span className="flex items-center gap-2 text-sm text-muted">
            <span aria-hidden="true">←</span> Previous<span className="sr-only"> lesson:</span> <Kbd>p</Kbd>
          </span>
          <span className="mt-1 block font-semibold group-hover:underline">
            {previous.number}. {previous.title}
          </span>
        </Link>
      ) : (
        <p className="rounded-xl border border-dashed border-border p-4 text-muted">This is the first lesson.</p>
      )}
      {next ? (
        <Link
          href={`/lessons/${next.slug}`}
          rel="next"
          {...shortcut('n')}
          className="group rounded-xl border border-border p-4 text-right hover:border-accent"
        >
          <span className="flex items-center justify-end gap-2 text-sm text-muted">
            Next<span className="sr-only"> lesson:</span> <Kbd>n</Kbd> <span aria-hidden="true">→</span>
          </span>
          <span className="mt-1 block font-semibold group-hover:underline">
            {next.number}. {next.title}
          </span>
        </Link>
      ) : (
        <p className="rounded-xl border border-dashed border-border p-4 text-muted sm:text-right">
          {upcoming ? (
            <>
              Next up: <span className="font-semibold">{upcoming.number}. {upcoming.title}</span> — coming soon.
            </>
          ) : (
            'This is the last lesson.'
          )}
        </p>
      )}
    </nav>
  );
}

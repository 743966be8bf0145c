/**
 * One lesson, rendered on the server: its text, objectives and
 * real code beside the live panel, where the demos run against this app's MCP server.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Checkpoints } from '@/components/lesson/checkpoints';
import { LessonNav } from '@/components/lesson/lesson-nav';
import { LivePanel } from '@/components/lesson/live-panel';
import { LessonWidgets } from '@/components/lesson/widgets';
import { MarkComplete } from '@/components/lesson/mark-complete';
import { RecordVisit } from '@/components/lesson/record-visit';
import { SourceExcerpts } from '@/components/lesson/source-excerpts';
import { findLesson, getCatalogue, neighbours, readLessonText } from '@/lib/lessons/catalogue';
import { readExcerptSummaries, type ExcerptSummary } from '@/lib/lessons/excerpt-views';
import { renderMarkdown } from '@/lib/lessons/markdown';
import { LiveLessonSchema, STAGES, type LessonMeta } from '@/lib/lessons/schema';

interface LessonPageProps {
  params: Promise<{ slug: string }>;
}

// Only live lessons have pages; any other slug is a 404, never a half-built page.
export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalogue()
    .filter((entry) => entry.meta.status === 'live')
    .map((entry) => ({ slug: entry.meta.slug }));
}

export async function generateMetadata({ params }: LessonPageProps): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  return lesson ? { title: `${lesson.meta.title} · MCP Dojo`, description: lesson.meta.summary } : {};
}

export default async function LessonPage({ params }: LessonPageProps) {
  const { slug } = await params;
  const entry = findLesson(slug);
  if (!entry || entry.meta.status !== 'live') notFound();
  // The catalogue already validated it as live; parsing again gives the type that says so (prompt is set).
  const meta = LiveLessonSchema.parse(entry.meta);

  const { html, excerpts } = await renderedBody(entry.folder, meta);
  const { previous, next } = neighbours(slug);
  const upcoming = next ? undefined : getCatalogue().find((candidate) => candidate.meta.number === meta.number + 1)?.meta;

  return (
    <div className="mx-auto max-w-[110rem] px-6 py-8">
      <RecordVisit slug={slug} />
      <nav aria-label="Breadcrumb" className="text-muted">
        <ol className="flex flex-wrap items-center gap-2">
          <li>
            <Link href="/" className="hover:text-foreground hover:underline">
              Lessons
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>{STAGES[meta.stage]}</li>
        </ol>
      </nav>

      <header className="mt-4 max-w-4xl">
        <p className="font-mono text-sm font-semibold tracking-wider text-accent uppercase">
          Lesson {meta.number} · {meta.minutes} min
        </p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight">{meta.title}</h1>
        <p className="mt-3 text-xl leading-relaxed text-muted">{meta.summary}</p>
      </header>

      {/* Wide screens: text left, live panel right (sticky). Narrow: text, then the panel, then the rest. */}
      <div className="mt-10 grid gap-x-12 gap-y-12 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="min-w-0 space-y-10">
          <Objectives objectives={meta.objectives} />
          <article className="lesson-prose" data-testid="lesson-text" dangerouslySetInnerHTML={{ __html: html }} />
        </div>

        <div className="min-w-0 xl:col-start-2 xl:row-span-2 xl:row-start-1">
          {/* Sticky and scrollable on its own, so the demos stay in view while you read. */}
          <div className="xl:sticky xl:top-6 xl:max-h-[calc(100vh-3rem)] xl:overflow-y-auto xl:overscroll-contain">
            <LivePanel slug={slug} title={meta.title} demos={meta.demos} prompt={meta.prompt} />
          </div>
        </div>

        <div className="min-w-0 space-y-12">
          <LessonWidgets slug={slug} widgets={meta.widgets} />
          <SourceExcerpts excerpts={excerpts} />
          <Checkpoints slug={slug} checkpoints={meta.checkpoints} />
          <MarkComplete slug={slug} />
          <LessonNav previous={link(previous)} next={link(next)} upcoming={link(upcoming)} />
        </div>
      </div>
    </div>
  );
}

function Objectives({ objectives }: { objectives: string[] }) {
  return (
    <section aria-labelledby="objectives-heading" className="rounded-xl border border-border bg-surface p-6">
      <h2 id="objectives-heading" className="text-lg font-semibold">
        After this lesson you can
      </h2>
      <ul className="mt-3 space-y-2.5" data-testid="objectives">
        {objectives.map((objective) => (
          <li key={objective} className="flex gap-3 leading-relaxed">
            <span aria-hidden="true" className="mt-0.5 font-bold text-accent">
              ✓
            </span>
            <span>{objective}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface RenderedBody {
  html: string;
  excerpts: ExcerptSummary[];
}

// Each page view is rendered on request (it carries its own CSP nonce, see proxy.ts), but a lesson's text
// and code cannot change while `next start` runs: render them once. `next dev` re-reads them, for editing.
const renderedBodies = new Map<string, Promise<RenderedBody>>();

function renderedBody(folder: string, meta: LessonMeta): Promise<RenderedBody> {
  const cached = renderedBodies.get(folder);
  if (cached) return cached;
  const rendering = Promise.all([
    readLessonText(folder).then(renderMarkdown),
    // A missing file or symbol throws here (and lib/lessons/__tests__/catalogue.test.ts checks every excerpt).
    readExcerptSummaries(meta.slug, meta.sources),
  ]).then(([html, excerpts]) => ({ html, excerpts }));
  if (process.env.NODE_ENV === 'production') {
    renderedBodies.set(folder, rendering);
    rendering.catch(() => renderedBodies.delete(folder)); // a failure is not kept: the next view tries again
  }
  return rendering;
}

function link(meta: LessonMeta | undefined) {
  return meta && { slug: meta.slug, number: meta.number, title: meta.title };
}

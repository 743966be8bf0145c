import { ContinueButton, ProgressSummary } from '@/components/catalogue/continue-button';
import { LessonCatalogue } from '@/components/catalogue/lesson-catalogue';
import { ResetProgressButton } from '@/components/catalogue/reset-progress';
import { getCatalogue } from '@/lib/lessons/catalogue';
import { groupByStage } from '@/lib/lessons/listing';

export default function HomePage() {
  // Read on the server at build time; the client parts only add progress and filtering.
  const stages = groupByStage(getCatalogue());
  const lessons = stages.flatMap((stage) => stage.lessons);

  return (
    <div className="mx-auto max-w-6xl px-6 py-12 sm:py-16">
      <p className="font-mono text-sm font-semibold tracking-wider text-accent uppercase">Hands-on MCP lessons</p>
      <h1 className="mt-3 text-4xl font-bold tracking-tight sm:text-5xl">MCP Dojo</h1>
      <p className="mt-5 max-w-3xl text-xl leading-relaxed text-muted">
        Learn how an MCP integration with Todoist goes from a mock that lies to a production integration you can
        trust. Every lesson runs a real MCP client in your browser against this app&apos;s own server.
      </p>
      <div className="mt-8 flex flex-wrap items-center gap-x-6 gap-y-3">
        <ContinueButton lessons={lessons} />
        <ProgressSummary lessons={lessons} />
        <ResetProgressButton />
      </div>

      <LessonCatalogue stages={stages} />
    </div>
  );
}

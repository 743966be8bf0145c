'use client';
/**
 * Lesson 3's tree: projects → sections → tasks → subtasks, built in the
 * browser after the last page of list_tasks is in — and the marks that show
 * why it could not have been built page by page.
 */
import { useId, useState } from 'react';
import { PillGroup, type PillOption } from '@/components/ui/pill-group';
import { ALERT, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import { flatten, API_DEFAULT_PAGE_SIZE, type SummaryTree } from '@/lib/lessons/widgets/tree-from-summaries';
import { plural } from '@/lib/lessons/observations';
import { useHydrated } from '../panel/use-hydrated';
import { TreeView, type OpenMode } from './parts/tree-view';
import { useBuildTree, type BuiltTree, type TreeBackend } from './parts/tree-use-build';

/** A real account can have hundreds: the list names a few, the tree marks them all. */
const LISTED_CROSSINGS = 5;

const BACKENDS: ReadonlyArray<PillOption<TreeBackend>> = [
  { value: 'real', label: 'real' },
  { value: 'mock', label: 'mock (faithful, 180 tasks)' },
];

export function TaskTree() {
  const [backend, setBackend] = useState<TreeBackend>('real');
  const [open, setOpen] = useState<{ mode: OpenMode; version: number }>({ mode: 'marked', version: 0 });
  const build = useBuildTree();
  const hydrated = useHydrated();
  const ids = useId();
  const busy = !hydrated || build.isPending;
  // Remounting the tree is what re-applies the folds: after that, each <details> is the reader's.
  const fold = (mode: OpenMode) => setOpen((previous) => ({ mode, version: previous.version + 1 }));

  return (
    <section aria-labelledby={`${ids}-heading`} data-testid="widget-task-tree" className="space-y-5">
      <h2 id={`${ids}-heading`} className="text-2xl font-bold tracking-tight">
        Build the tree after the last page
      </h2>
      <p className="leading-relaxed">
        One connection: <code className="font-mono">list_projects</code> (flat), then <code className="font-mono">list_tasks</code> with the
        production strategy, every page. The tree is then linked by id, here in the browser, from the two results&apos;{' '}
        <code className="font-mono">structuredContent</code>.
      </p>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <PillGroup legend="Backend" options={BACKENDS} value={backend} onChange={setBackend} disabled={busy} />
        <button type="button" onClick={() => build.mutate(backend)} disabled={busy} className={PRIMARY_BUTTON}>
          {build.isPending ? 'Reading every page…' : 'Build the tree'}
        </button>
        {build.isPending && (
          <button type="button" onClick={build.cancel} className={SECONDARY_BUTTON}>
            Cancel
          </button>
        )}
      </div>

      {build.isError && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">No tree: the read failed, and a tree from part of the data would be wrong.</p>
          <p className="mt-1 font-mono text-sm break-words">{build.error.message}</p>
        </div>
      )}
      {build.data && (
        <>
          <TreeFacts built={build.data} />
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={() => fold('all')} className={SECONDARY_BUTTON}>
              Expand all
            </button>
            <button type="button" onClick={() => fold('none')} className={SECONDARY_BUTTON}>
              Collapse all
            </button>
          </div>
          {/* Scrolls on its own, so 180 tasks do not push the rest of the lesson away; focusable to scroll by keyboard. */}
          <div role="region" aria-label="Task tree" tabIndex={0} className="max-h-[40rem] overflow-y-auto rounded-lg border border-border p-3">
            <TreeView
              key={`${open.mode}-${open.version}`}
              projects={build.data.tree.projects}
              unplaced={build.data.tree.unplacedTasks}
              mode={open.mode}
            />
          </div>
        </>
      )}
    </section>
  );
}

function TreeFacts({ built }: { built: BuiltTree }) {
  const { counts } = built.tree;
  const read = built.tasksRead;
  return (
    <div className="space-y-3">
      <p data-testid="tree-stats" data-tasks={counts.tasks} data-deepest={counts.deepest} className="text-lg leading-relaxed">
        <strong>{plural(counts.projects, 'project')}</strong> · <strong>{plural(counts.tasks, 'task')}</strong>, of which{' '}
        {plural(counts.subtasks, 'subtask')}, nested up to {plural(counts.deepest, 'level')} deep ·{' '}
        <strong>{counts.parentOnOtherPage}</strong> with the parent on another page ·{' '}
        <strong>{counts.orphans === 0 ? 'no orphans' : plural(counts.orphans, 'orphan')}</strong>
      </p>
      <p className="text-sm text-muted">
        list_tasks read {plural(built.taskPages, 'page')} of up to 200 tasks in {read.durationMs} ms ({plural(read.requests, 'request')},
        the project list for project paths included). Nothing stayed open after.
      </p>
      <WhyNotPageByPage tree={built.tree} />
      <p className="text-sm leading-relaxed text-muted">
        Sections are shown by id: task summaries carry a <code className="font-mono">sectionId</code> but not the section&apos;s name,
        and this server has no tool that lists sections.
      </p>
    </div>
  );
}

/** The lesson's point in one sentence, with this read's own numbers, and the subtasks that make it. */
function WhyNotPageByPage({ tree }: { tree: SummaryTree }) {
  const all = flatten([...tree.projects.flatMap(projectTasks), ...tree.unplacedTasks]);
  const byId = new Map(all.map((branch) => [branch.task.id, branch]));
  const crossing = all.filter((branch) => branch.parentPage !== undefined);
  const beforeParent = crossing.filter((branch) => branch.parentPage! > branch.page).length;
  return (
    <div data-testid="why-not-page-by-page" className="rounded-md border-l-4 border-accent bg-surface px-4 py-3 leading-relaxed">
      <p>
        <strong>Why not page by page?</strong> Read {API_DEFAULT_PAGE_SIZE} at a time in API order,{' '}
        {beforeParent > 0
          ? `${plural(beforeParent, 'subtask')} arrive${beforeParent === 1 ? 's' : ''} on an earlier page than ${beforeParent === 1 ? 'its parent' : 'their parents'}`
          : 'no subtask here arrives before its parent — but nothing in the API promises that'}
        , so until the last page is in, a missing parent could be an orphan or a task still to come: link by id after the last page.
      </p>
      {crossing.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {crossing.slice(0, LISTED_CROSSINGS).map((branch) => (
            <li key={branch.task.id}>
              <q>{branch.task.content}</q> on page {branch.page}, its parent <q>{byId.get(branch.task.parentId!)?.task.content}</q> on page{' '}
              {branch.parentPage}
            </li>
          ))}
          {crossing.length > LISTED_CROSSINGS && <li>and {crossing.length - LISTED_CROSSINGS} more, marked in the tree</li>}
        </ul>
      )}
    </div>
  );
}

/** A project's tasks and those of its sub-projects, as top-level branches. */
function projectTasks(project: SummaryTree['projects'][number]): SummaryTree['unplacedTasks'] {
  return [...project.tasks, ...project.sections.flatMap((section) => section.tasks), ...project.subprojects.flatMap(projectTasks)];
}

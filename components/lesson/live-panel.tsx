'use client';
/**
 * The lesson's live panel: each demo runs against this app's MCP server
 * (/api/mcp), alone or side by side; what you saw is kept as observations
 * and becomes part of the prompt you can take to Claude. Which demo it shows,
 * with which settings, is in the page's query: every demo state is a link.
 */
import { useId, type KeyboardEvent } from 'react';
import { buildLessonPrompt } from '@/lib/lessons/prompt';
import type { Demo, PromptTemplate } from '@/lib/lessons/schema';
import { AddressBarWatcher } from './panel/address-bar-watcher';
import { CopyLinkButton } from './panel/copy-link-button';
import { DemoView } from './panel/demo-view';
import { LinkNotes } from './panel/link-notes';
import { ObservedList } from './panel/observed-list';
import { PromptActions } from './panel/prompt-actions';
import { useHydrated } from './panel/use-hydrated';
import { useExpanded } from './panel/use-expanded';
import { useLinkedDemo } from './panel/use-linked-demo';
import { useObservations } from './panel/use-observations';

export interface LivePanelProps {
  slug: string;
  title: string;
  demos: Demo[];
  prompt: PromptTemplate;
}

export function LivePanel(props: LivePanelProps) {
  // A live lesson has at least one demo (LiveLessonSchema): without one there is nothing to try.
  return props.demos.length > 0 ? <Panel {...props} /> : null;
}

function Panel({ slug, title, demos, prompt }: LivePanelProps) {
  const { demo: selected, settings, select, changeSettings, notes, dismissNotes, followAddressBar } = useLinkedDemo(demos);
  const { observations, add, clear } = useObservations(slug);
  const ids = useId();
  const { expanded, toggle } = useExpanded();

  return (
    <section
      data-testid="live-panel"
      aria-labelledby={`${ids}-heading`}
      className={`@container space-y-6 border-border bg-background ${expanded ? 'fixed inset-0 z-40 overflow-y-auto px-8 py-6' : 'rounded-xl border p-5'}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${ids}-heading`} className="text-2xl font-semibold">
          Try it live
        </h2>
        <div className="flex flex-wrap items-center gap-3">
          <CopyLinkButton slug={slug} demo={selected} settings={settings} />
          <button type="button" aria-pressed={expanded} onClick={toggle} className="rounded-md border border-border px-3 py-1 text-sm hover:bg-border">
            {expanded ? 'Exit full screen (Esc)' : 'Full screen'}
          </button>
        </div>
      </div>
      <AddressBarWatcher onQueryChange={followAddressBar} />
      {demos.length > 1 && <DemoTabs demos={demos} selectedId={selected.id} onSelect={select} idPrefix={ids} />}
      <div role={demos.length > 1 ? 'tabpanel' : undefined} id={`${ids}-panel`} aria-labelledby={demos.length > 1 ? `${ids}-tab-${selected.id}` : undefined}>
        <LinkNotes notes={notes} onDismiss={dismissNotes} />
        {/* Keyed by demo: switching demos closes its sessions and starts afresh. */}
        <DemoView key={selected.id} demo={selected} settings={settings} onSettingsChange={changeSettings} onObserved={add} />
      </div>
      <div className="space-y-6 border-t border-border pt-5">
        <ObservedList observations={observations} onClear={clear} />
        <PromptActions prompt={buildLessonPrompt({ title, prompt }, observations)} />
      </div>
    </section>
  );
}

interface DemoTabsProps {
  demos: Demo[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  idPrefix: string;
}

/** Tabs with arrow-key movement, as the ARIA tabs pattern expects. */
function DemoTabs({ demos, selectedId, onSelect, idPrefix }: DemoTabsProps) {
  const hydrated = useHydrated();
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = demos[(index + step + demos.length) % demos.length]!;
    onSelect(next.id);
    document.getElementById(`${idPrefix}-tab-${next.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Demos" className="flex flex-wrap gap-2 border-b border-border">
      {demos.map((demo, index) => {
        const selected = demo.id === selectedId;
        return (
          <button
            key={demo.id}
            id={`${idPrefix}-tab-${demo.id}`}
            type="button"
            role="tab"
            data-demo={demo.id}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            disabled={!hydrated}
            onClick={() => onSelect(demo.id)}
            onKeyDown={(event) => move(event, index)}
            className="-mb-px border-b-4 border-transparent px-3 py-2 text-base font-semibold text-muted hover:text-foreground aria-selected:border-accent aria-selected:text-foreground"
          >
            {demo.title}
          </button>
        );
      })}
    </div>
  );
}

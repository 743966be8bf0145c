'use client';
/**
 * Which demo the panel shows, with which settings — kept in step with the
 * address bar (lib/lessons/deep-link.ts), so every demo state is a link.
 *
 * The first render is the lesson as it opens, on the server and in the
 * browser alike (no hydration mismatch); the link is read after hydration by
 * <AddressBarWatcher>, which calls `followAddressBar` again whenever the query
 * changes (a presenter's router.push, back and forward). The learner's own
 * changes are written with history.replaceState: no history entry per click,
 * no scroll, no new render of the page.
 */
import { useState } from 'react';
import { demoStateQuery, openingState, readDemoState, withDemoQuery, type DemoState } from '@/lib/lessons/deep-link';
import type { Demo } from '@/lib/lessons/schema';
import { initialLiveSettings, type LiveSettings } from '@/lib/lessons/live-settings';

export function useLinkedDemo(demos: readonly Demo[]) {
  const [state, setState] = useState<DemoState>(() => openingState(demos));
  // What a link asked for that the panel could not do, said once, until dismissed or the next link.
  const [notes, setNotes] = useState<string[]>([]);
  const demo = demos.find((candidate) => candidate.id === state.demoId) ?? demos[0]!;

  const show = (next: DemoState) => {
    setState(next);
    showInAddressBar(demoStateQuery(next, demos));
  };

  /** Another demo, from its defaults (as a tab click always did); the one shown already stays as it is. */
  const select = (demoId: string) => {
    const chosen = demos.find((candidate) => candidate.id === demoId);
    if (chosen && chosen.id !== state.demoId) show({ demoId: chosen.id, settings: initialLiveSettings(chosen.defaults) });
  };

  const changeSettings = (settings: LiveSettings) => show({ demoId: state.demoId, settings });

  /** Reads the address bar's query and shows what it links to, unless that is already on screen. */
  const followAddressBar = () => {
    const { state: linked, notes: linkNotes } = readDemoState(window.location.search, demos);
    const query = demoStateQuery(linked, demos);
    const changed = query.toString() !== demoStateQuery(state, demos).toString();
    if (changed) setState(linked);
    // The echo of our own replaceState reads back as what is shown, with no note: the notes on screen stay.
    if (changed || linkNotes.length > 0) setNotes(linkNotes);
    // A link with values the demo cannot take is rewritten to what is shown, so a copied URL never carries them.
    showInAddressBar(query);
  };

  return { demo, settings: state.settings, select, changeSettings, notes, dismissNotes: () => setNotes([]), followAddressBar };
}

function showInAddressBar(query: URLSearchParams) {
  const search = withDemoQuery(window.location.search, query);
  if (search === window.location.search) return;
  // Next keeps useSearchParams in step with replaceState (and copies its own history state over): no navigation.
  window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
}

'use client';
/**
 * Lesson 4, "Break the upstream": a workspace of its own against a mock
 * Todoist, a button per fault, and after each run the timeline of what the
 * production server did — attempts, waits and why, the breaker, the cache.
 * Optionally a naive server beside it, under the same fault.
 */
import { useEffect, useState } from 'react';
import { RECOVERED, type Fault } from '@/lib/lessons/widgets/fault-scenarios';
import { PRIMARY_BUTTON } from '@/components/ui/styles';
import { SessionTrace } from '../panel/session-trace';
import { useHydrated } from '../panel/use-hydrated';
import { FaultHistory, type HistoryEntry } from './parts/fault-history';
import { FaultPicker } from './parts/fault-picker';
import { FaultRunView } from './parts/fault-run-view';
import { useFaultSession } from './parts/fault-session';
import { ensureLearner } from '../panel/ensure-learner';

const KEPT_RUNS = 8;

export function FaultTimeline() {
  const production = useFaultSession('production');
  const naive = useFaultSession('naive');
  const [fault, setFault] = useState<Fault>(RECOVERED);
  const [compare, setCompare] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [status, setStatus] = useState('');
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const hydrated = useHydrated();
  const sessions = compare ? [production, naive] : [production];
  const busy = !hydrated || switching || sessions.some((session) => session.pending);
  useEffect(() => void ensureLearner().catch(() => undefined), []);

  const pick = async (picked: Fault) => {
    setFault(picked);
    setSwitching(true);
    try {
      await ensureLearner();
      // Forced: clicking a fault again re-arms it (page-fails counts its failures).
      await Promise.all(sessions.map((session) => session.applyFault(picked, true)));
      setStatus(`The upstream is now "${picked.id}". Run to see what the server does.`);
    } catch (error) {
      setStatus(`Could not switch the upstream: ${(error as Error).message}`);
    } finally {
      setSwitching(false);
    }
  };

  const run = async () => {
    setStatus('');
    try {
      await ensureLearner();
    } catch (error) {
      setStatus(`Could not get a learner id for your workspace: ${(error as Error).message}`);
      return;
    }
    // Both at once: two independent workspaces facing the same fault.
    const [productionRun] = await Promise.allSettled(sessions.map((session) => session.run(fault)));
    if (productionRun?.status === 'fulfilled') {
      setHistory((previous) => [...previous, { run: (previous.at(-1)?.run ?? 0) + 1, output: productionRun.value }].slice(-KEPT_RUNS));
    }
  };

  const toggleCompare = (on: boolean) => {
    setCompare(on);
    if (!on) naive.close();
  };

  const ran = sessions.some((session) => session.output || session.error || session.pending);
  return (
    <section aria-labelledby="fault-timeline-heading" data-testid="widget-fault-timeline" className="@container space-y-6 rounded-xl border border-border p-5">
      <div>
        <h2 id="fault-timeline-heading" className="text-2xl font-semibold">
          Break the upstream
        </h2>
        <p className="mt-2 text-base leading-relaxed">
          Your own workspace on the server against a mock Todoist: production strategy, small data, <code className="font-mono">get_overview</code>.
          Run once while all is well, so there is something to cache. Then pick a fault and run again — every run is a new request, and the
          workspace keeps its breaker and its cache between them.
        </p>
      </div>

      <FaultPicker current={fault} onPick={pick} disabled={busy} />

      <div className="flex flex-wrap items-center gap-x-5 gap-y-3">
        <button type="button" onClick={run} disabled={busy} className={PRIMARY_BUTTON}>
          Run get_overview
        </button>
        <label className="flex items-center gap-2 text-base">
          <input type="checkbox" checked={compare} disabled={busy} onChange={(event) => toggleCompare(event.target.checked)} className="size-5 accent-accent" />
          Compare with the naive server (a second workspace, same fault)
        </label>
      </div>
      <p role="status" data-testid="fault-status" className="min-h-6 text-base text-muted">
        {status}
      </p>

      {ran && (
        <div className="space-y-4">
          {sessions.map((session) => (
            <FaultRunView key={session.strategy} session={session} />
          ))}
          <FaultHistory entries={history} />
          <details className="rounded-md border border-border">
            <summary className="cursor-pointer px-3 py-2 text-base font-medium">The protocol trace (every JSON-RPC message of the runs)</summary>
            <div className="border-t border-border p-3">
              <SessionTrace key={compare ? 'both' : 'one'} sessions={sessions.map((session) => ({ label: `${session.strategy} session`, trace: session.trace }))} />
            </div>
          </details>
        </div>
      )}
    </section>
  );
}

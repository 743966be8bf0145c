'use client';
/**
 * One demo: its settings (protocol generation included), Run and Run side by
 * side, the result(s) and what went over the wire. Each run is a connection
 * of its own; the demo's runs share a workspace on the server (one per side),
 * so what one run changes, the next one sees. Each run becomes an observation.
 */
import { useState } from 'react';
import { Kbd, shortcut } from '@/components/keyboard/shortcut';
import { compareObservations, sideLabel, sideOverrides, type Comparison } from '@/lib/lessons/comparison';
import type { Observed } from '@/lib/lessons/observation-log';
import { observeCall } from '@/lib/lessons/observations';
import type { Demo } from '@/lib/lessons/schema';
import { DemoInputs } from '../demo-inputs';
import { workspaceName } from '@/lib/mcp/client/workspace';
import type { LiveSettings } from '@/lib/lessons/live-settings';
import { ProtocolToggle } from './protocol-toggle';
import { RunResult } from './run-result';
import { SessionTrace } from './session-trace';
import { SettingsSummary } from './settings-summary';
import { SettingsToggles } from './settings-toggles';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import { SideBySide, type Side } from './side-by-side';
import { isCancelled, useDemoRun, type DemoRun, type RunInput } from './use-demo-run';
import { useHydrated } from './use-hydrated';

interface DemoViewProps {
  demo: Demo;
  /** The demo's settings: the panel keeps them, so a link can set them and the address bar can show them. */
  settings: LiveSettings;
  onSettingsChange: (settings: LiveSettings) => void;
  onObserved: (observed: Observed) => void;
}

export function DemoView({ demo, settings, onSettingsChange, onObserved }: DemoViewProps) {
  const [view, setView] = useState<'single' | 'side-by-side' | undefined>();
  const [comparison, setComparison] = useState<Comparison>();
  // The tool's arguments: the demo's, with what the learner typed in its inputs (lesson 5's filter query).
  const [args, setArgs] = useState<Record<string, unknown>>(demo.arguments);
  // A workspace each: the single run's state (e.g. lesson 4's cache) must not mix with either side's.
  const single = useDemoRun(workspaceName('panel', demo.id));
  const leftRun = useDemoRun(workspaceName('panel', demo.id, 'left'));
  const rightRun = useDemoRun(workspaceName('panel', demo.id, 'right'));
  const hydrated = useHydrated();
  // Before hydration a click would do nothing: keep the controls disabled until then.
  const busy = !hydrated || single.pending || leftRun.pending || rightRun.pending;

  const call = (runSettings: LiveSettings): RunInput => ({ settings: runSettings, tool: demo.tool, args });
  const overrides = demo.compare && sideOverrides(demo.compare);
  const sides = overrides && {
    left: { label: sideLabel(overrides.left, 'left'), settings: { ...settings, ...overrides.left }, run: leftRun } satisfies Side,
    right: { label: sideLabel(overrides.right, 'right'), settings: { ...settings, ...overrides.right }, run: rightRun } satisfies Side,
  };

  const runOnce = async () => {
    setView('single');
    const outcome = await outcomeOf(single, call(settings));
    if (outcome) onObserved(observeCall(settings, demo.tool, outcome));
  };

  const runSideBySide = async () => {
    if (!sides) return;
    setView('side-by-side');
    setComparison(undefined);
    // In parallel: two independent connections, like two different clients.
    const [left, right] = await Promise.all([outcomeOf(leftRun, call(sides.left.settings)), outcomeOf(rightRun, call(sides.right.settings))]);
    if (!left || !right) return; // one side was cancelled: nothing to compare
    const compared = compareObservations(
      observeCall(sides.left.settings, demo.tool, left),
      observeCall(sides.right.settings, demo.tool, right),
      { left: sides.left.label, right: sides.right.label },
    );
    setComparison(compared);
    onObserved(compared);
  };

  const traced =
    view === 'side-by-side' && sides
      ? [
          { label: sides.left.label, trace: leftRun.trace, http: leftRun.http },
          { label: sides.right.label, trace: rightRun.trace, http: rightRun.http },
        ]
      : [{ label: 'single run', trace: single.trace, http: single.http }];

  return (
    <div className="space-y-5">
      <div>
        <h3 className="text-xl font-semibold">{demo.title}</h3>
        <p className="mt-1 text-base leading-relaxed">{demo.description}</p>
        <p className="mt-1 text-sm text-muted">
          Calls <code className="font-mono">{demo.tool}</code> with <code className="font-mono">{JSON.stringify(args)}</code>
        </p>
      </div>
      <DemoInputs inputs={demo.inputs} values={args} onChange={setArgs} disabled={busy} />
      <SettingsToggles offers={demo.offers} settings={settings} onChange={(changed) => onSettingsChange({ ...changed, protocol: settings.protocol })} disabled={busy} />
      <ProtocolToggle value={settings.protocol} onChange={(protocol) => onSettingsChange({ ...settings, protocol })} disabled={busy} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={runOnce} disabled={busy} {...shortcut('r')} className={PRIMARY_BUTTON}>
          Run
          <Kbd tone="on-accent">r</Kbd>
        </button>
        {sides && (
          <button type="button" onClick={runSideBySide} disabled={busy} {...shortcut('s')} className={SECONDARY_BUTTON}>
            Run side by side
            <Kbd>s</Kbd>
          </button>
        )}
        <p className="text-sm text-muted">Each run is a connection of its own: nothing stays open between runs.</p>
      </div>
      {sides && (
        <p className="text-sm text-muted">
          Side by side: <span className="font-mono">{sides.left.label}</span> vs <span className="font-mono">{sides.right.label}</span>, the rest as set above.
        </p>
      )}
      {view === 'single' && (
        <section aria-label="Result" data-testid="single-result" className="space-y-2">
          {single.settings && <SettingsSummary settings={single.settings} />}
          <RunResult run={single} />
        </section>
      )}
      {view === 'side-by-side' && sides && <SideBySide left={sides.left} right={sides.right} comparison={comparison} point={demo.compare!.point} />}
      {view && <SessionTrace key={view} sessions={traced} />}
    </div>
  );
}

/** Runs a call; the result or the thrown error, or undefined when the learner cancelled it. */
async function outcomeOf(run: DemoRun, input: RunInput) {
  try {
    return (await run.run(input)).result;
  } catch (error) {
    if (isCancelled(error)) return undefined;
    return error instanceof Error ? error : new Error(String(error));
  }
}

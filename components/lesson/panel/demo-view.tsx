'use client';
/**
 * One demo: its settings, Run and Run side by side, the result(s) and the
 * protocol trace. Each run becomes an observation for the lesson.
 */
import { useState } from 'react';
import { Kbd, shortcut } from '@/components/keyboard/shortcut';
import { compareObservations, sideLabel, sideOverrides, type Comparison } from '@/lib/lessons/comparison';
import type { Observed } from '@/lib/lessons/observation-log';
import { observeCall } from '@/lib/lessons/observations';
import type { Demo, PanelSettings } from '@/lib/lessons/schema';
import { RunResult } from './run-result';
import { SessionTrace } from './session-trace';
import { settingsKey } from './session-slot';
import { SettingsSummary } from './settings-summary';
import { SettingsToggles } from './settings-toggles';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from './buttons';
import { SideBySide, type Side } from './side-by-side';
import { isCancelled, useDemoRun, type DemoRun, type RunInput } from './use-demo-run';
import { useHydrated } from './use-hydrated';

interface DemoViewProps {
  demo: Demo;
  onObserved: (observed: Observed) => void;
}

export function DemoView({ demo, onObserved }: DemoViewProps) {
  const [settings, setSettings] = useState<PanelSettings>(demo.defaults);
  const [view, setView] = useState<'single' | 'side-by-side' | undefined>();
  const [comparison, setComparison] = useState<Comparison>();
  // Three sessions at most: the single run's, and one per side.
  const single = useDemoRun();
  const leftRun = useDemoRun();
  const rightRun = useDemoRun();
  const hydrated = useHydrated();
  // Before hydration a click would do nothing: keep the controls disabled until then.
  const busy = !hydrated || single.pending || leftRun.pending || rightRun.pending;

  const call = (runSettings: PanelSettings): RunInput => ({ settings: runSettings, tool: demo.tool, args: demo.arguments });
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
    // In parallel: two independent sessions, like two different servers.
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
          { label: sides.left.label, trace: leftRun.trace },
          { label: sides.right.label, trace: rightRun.trace },
        ]
      : [{ label: 'single run', trace: single.trace }];

  return (
    <div className="space-y-5">
      <div>
        <h3 className="text-xl font-semibold">{demo.title}</h3>
        <p className="mt-1 text-base leading-relaxed">{demo.description}</p>
        <p className="mt-1 text-sm text-muted">
          Calls <code className="font-mono">{demo.tool}</code> with <code className="font-mono">{JSON.stringify(demo.arguments)}</code>
        </p>
      </div>
      <SettingsToggles offers={demo.offers} settings={settings} onChange={setSettings} disabled={busy} />
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
        <SessionNote run={single} settings={settings} />
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

/** Which session the next Run uses: the open one, or a new one because the settings changed. */
function SessionNote({ run, settings }: { run: DemoRun; settings: PanelSettings }) {
  if (!run.output?.sessionId || !run.settings) return null;
  const same = settingsKey(run.settings) === settingsKey(settings);
  return (
    <p className="text-sm text-muted">
      {same ? (
        <>
          Session <code className="font-mono">{run.output.sessionId.slice(0, 8)}</code> stays open for the next run.
        </>
      ) : (
        'Settings changed: the next Run ends this session and starts a new one (settings are fixed per session).'
      )}
    </p>
  );
}

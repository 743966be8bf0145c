'use client';
/** The same call under two settings, in two columns, then what differs — brought into view when it arrives. */
import { useEffect, useRef } from 'react';
import type { Comparison } from '@/lib/lessons/comparison';
import { bringIntoView } from './bring-into-view';
import { Differences } from './differences';
import type { LiveSettings } from '@/lib/lessons/live-settings';
import { RunResult } from './run-result';
import { SettingsSummary } from './settings-summary';
import type { DemoRun } from './use-demo-run';

export interface Side {
  label: string;
  settings: LiveSettings;
  run: DemoRun;
}

export function SideBySide({ left, right, comparison, point }: { left: Side; right: Side; comparison?: Comparison; point: string }) {
  const differences = useRef<HTMLDivElement>(null);
  // The two columns are tall: without this, the Differences land far below the fold.
  useEffect(() => {
    if (comparison && differences.current) bringIntoView(differences.current);
  }, [comparison]);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 @2xl:grid-cols-2">
        <SideColumn side={left} position="left" />
        <SideColumn side={right} position="right" />
      </div>
      {comparison && (
        // scroll-mt: a little air above the block when it is scrolled to the top.
        <div ref={differences} className="scroll-mt-4">
          <Differences comparison={comparison} point={point} />
        </div>
      )}
    </div>
  );
}

function SideColumn({ side, position }: { side: Side; position: 'left' | 'right' }) {
  const settings = side.run.settings ?? side.settings;
  return (
    <section data-testid={`side-${position}`} aria-label={`${side.label} (${position})`} className="min-w-0 space-y-3 rounded-lg border border-border p-3">
      <header>
        <h3 className="font-mono text-xl font-bold">{side.label}</h3>
        <SettingsSummary settings={settings} />
      </header>
      <RunResult run={side.run} compact />
    </section>
  );
}

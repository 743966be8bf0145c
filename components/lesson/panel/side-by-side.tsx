'use client';
/** The same call under two settings, in two columns, then what differs. */
import type { Comparison } from '@/lib/lessons/comparison';
import type { PanelSettings } from '@/lib/lessons/schema';
import { Differences } from './differences';
import { RunResult } from './run-result';
import { SettingsSummary } from './settings-summary';
import type { DemoRun } from './use-demo-run';

export interface Side {
  label: string;
  settings: PanelSettings;
  run: DemoRun;
}

export function SideBySide({ left, right, comparison, point }: { left: Side; right: Side; comparison?: Comparison; point: string }) {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 @2xl:grid-cols-2">
        <SideColumn side={left} position="left" />
        <SideColumn side={right} position="right" />
      </div>
      {comparison && <Differences comparison={comparison} point={point} />}
    </div>
  );
}

function SideColumn({ side, position }: { side: Side; position: 'left' | 'right' }) {
  return (
    <section data-testid={`side-${position}`} aria-label={`${side.label} (${position})`} className="min-w-0 space-y-3 rounded-lg border border-border p-3">
      <header>
        <h3 className="font-mono text-xl font-bold">{side.label}</h3>
        <SettingsSummary settings={side.run.settings ?? side.settings} />
      </header>
      <RunResult run={side.run} compact />
    </section>
  );
}

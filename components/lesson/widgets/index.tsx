/**
 * Lesson-specific live views, named in a lesson's meta (`widgets`). Each is a
 * self-contained client component that talks to this app's MCP server (or its
 * own endpoints) — never to Todoist directly.
 */
import type { Widget } from '@/lib/lessons/schema';
import { ConfigResolution } from './config-resolution';
import { FaultTimeline } from './fault-timeline';
import { Layers } from './layers';
import { PaginationGrid } from './pagination-grid';
import { ProtocolGenerations } from './protocol-generations';
import { SizeCompare } from './size-compare';
import { TaskTree } from './task-tree';

/** Widgets get the lesson's slug, so what they observe joins the lesson's observations (and its prompt). */
const WIDGET_COMPONENTS: Record<Widget, (props: { slug: string }) => React.ReactNode> = {
  'config-resolution': ConfigResolution,
  'pagination-grid': PaginationGrid,
  'task-tree': TaskTree,
  'fault-timeline': FaultTimeline,
  'size-compare': SizeCompare,
  layers: Layers,
  'protocol-generations': ProtocolGenerations,
};

export function LessonWidgets({ slug, widgets }: { slug: string; widgets: Widget[] }) {
  if (widgets.length === 0) return null;
  return (
    <div className="space-y-12" data-testid="lesson-widgets">
      {widgets.map((widget) => {
        const Component = WIDGET_COMPONENTS[widget];
        return <Component key={widget} slug={slug} />;
      })}
    </div>
  );
}

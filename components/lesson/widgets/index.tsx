'use client';
/**
 * Lesson-specific live views, named in a lesson's meta (`widgets`). Each is a
 * self-contained client component that talks to this app's MCP server (or its
 * own endpoints) — never to Todoist directly.
 *
 * Each widget is a chunk of its own (next/dynamic): a lesson page downloads
 * the widgets it shows, not all nine. They still render on the server, so the
 * page looks the same before its script arrives.
 */
import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';
import type { Widget } from '@/lib/lessons/schema';

/** Widgets get the lesson's slug, so what they observe joins the lesson's observations (and its prompt). */
type WidgetProps = { slug: string };

const WIDGET_COMPONENTS: Record<Widget, ComponentType<WidgetProps>> = {
  'config-resolution': dynamic(() => import('./config-resolution').then((module) => module.ConfigResolution)),
  'pagination-grid': dynamic(() => import('./pagination-grid').then((module) => module.PaginationGrid)),
  'task-tree': dynamic(() => import('./task-tree').then((module) => module.TaskTree)),
  'fault-timeline': dynamic(() => import('./fault-timeline').then((module) => module.FaultTimeline)),
  'size-compare': dynamic(() => import('./size-compare').then((module) => module.SizeCompare)),
  layers: dynamic(() => import('./layers').then((module) => module.Layers)),
  'protocol-generations': dynamic(() => import('./protocol-generations').then((module) => module.ProtocolGenerations)),
  'two-tenants': dynamic(() => import('./two-tenants').then((module) => module.TwoTenants)),
  'attack-lab': dynamic(() => import('./attack-lab').then((module) => module.AttackLab)),
  'real-time-lab': dynamic(() => import('./real-time-lab').then((module) => module.RealTimeLab)),
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

'use client';
/**
 * The lesson's live panel: demos run against this app's MCP server, single or side by side.
 * (Placeholder — the full panel is being built.)
 */
import type { Demo, PromptTemplate } from '@/lib/lessons/schema';

export interface LivePanelProps {
  slug: string;
  title: string;
  demos: Demo[];
  prompt: PromptTemplate;
}

export function LivePanel({ demos }: LivePanelProps) {
  return <section aria-label="Live panel">{demos.length} demos</section>;
}

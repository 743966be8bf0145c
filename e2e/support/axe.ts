import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every accessibility scan runs once per colour scheme. */
export const COLOR_SCHEMES = ['light', 'dark'] as const;

/** WCAG 2.0 and 2.1, levels A and AA: the rules every page must pass. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeScope {
  /** Scan only inside this selector (default: the whole page). */
  include?: string;
  /** Leave out this selector; say why at the call site. */
  exclude?: string;
}

/**
 * Scans the page as it is now and expects no violations. The colour scheme is
 * set by the caller before the page loads, not here, so the page's first paint
 * already uses it.
 */
export async function expectNoAxeViolations(page: Page, scope: AxeScope = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (scope.include) builder = builder.include(scope.include);
  if (scope.exclude) builder = builder.exclude(scope.exclude);
  const { violations } = await builder.analyze();
  // Rule, impact and each failing node, so a failure says what to fix.
  const summary = violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  }));
  expect(summary).toEqual([]);
}

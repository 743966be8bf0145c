import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Every accessibility scan runs once per colour scheme. */
export const COLOR_SCHEMES = ['light', 'dark'] as const;

/**
 * What one scan adds to its test's timeout (Playwright's default 30 s covers the test's own steps). Measured on this
 * 2-core machine with two e2e workers: 0.7–3.5 s per scan of a lesson page (the slowest: a lesson with an excerpt,
 * checkpoint feedback and the dialog open). The reported 25–35 s were whole tests with one or two scans on a machine
 * busy with other work, i.e. everything several times slower: 20 s per scan covers the slowest scan slowed down about
 * six times, so a busy CI machine does not fail a correct page, while a scan that hangs still fails the test.
 */
export const AXE_SCAN_BUDGET_MS = 20_000;

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
  // Each scan brings its own time budget on top of the test's: see AXE_SCAN_BUDGET_MS.
  const info = test.info();
  if (info.timeout > 0) info.setTimeout(info.timeout + AXE_SCAN_BUDGET_MS); // 0: no timeout (debugging), keep it so
  // No `resultTypes: ['violations']`: it saved nothing measurable here, and with it axe reported heading-order and
  // landmark-unique violations on lesson 6 that a full run does not (rules that judge a node by the page's other
  // nodes read those from the trimmed results).
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

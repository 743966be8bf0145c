/**
 * Scrolls a result into view once it appears — unless it already is in view.
 * The panel can sit in a sticky box with its own scrollbar (or fill the screen),
 * so "in view" means inside every scrolling ancestor and the window.
 */
export function bringIntoView(element: HTMLElement): void {
  if (isFullyVisible(element)) return;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const fits = element.getBoundingClientRect().height <= visibleHeight(element);
  // Too tall to fit: its top goes to the top, so it is read from the start.
  element.scrollIntoView({ block: fits ? 'nearest' : 'start', behavior: reducedMotion ? 'auto' : 'smooth' });
}

function scrollingAncestors(element: HTMLElement): HTMLElement[] {
  const ancestors: HTMLElement[] = [];
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight) ancestors.push(parent);
  }
  return ancestors;
}

/** The visible band (top, bottom) the element can be seen through: the window, cut by every scrolling ancestor. */
function visibleBand(element: HTMLElement): { top: number; bottom: number } {
  let top = 0;
  let bottom = window.innerHeight;
  for (const ancestor of scrollingAncestors(element)) {
    const rect = ancestor.getBoundingClientRect();
    top = Math.max(top, rect.top);
    bottom = Math.min(bottom, rect.bottom);
  }
  return { top, bottom };
}

function visibleHeight(element: HTMLElement): number {
  const band = visibleBand(element);
  return Math.max(0, band.bottom - band.top);
}

function isFullyVisible(element: HTMLElement): boolean {
  const rect = element.getBoundingClientRect();
  const band = visibleBand(element);
  return rect.top >= band.top && rect.bottom <= band.bottom;
}

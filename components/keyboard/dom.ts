/**
 * The DOM side of keyboard shortcuts, free of React: which key presses count,
 * which element a key triggers, and how the `?` dialog names each one.
 */
import { SHORTCUT_ATTRIBUTE } from './shortcut';

export interface DeclaredShortcut {
  key: string;
  label: string;
  element: HTMLElement;
}

/** Typing a "n" into a field must type an "n"; Ctrl/Cmd/Alt combos belong to the browser and the OS. */
export function shouldIgnore(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return true;
  return isTypingTarget(event.target);
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/** While a modal dialog is open, only its own shortcuts work: the page behind it is inert. */
function scope(): ParentNode {
  try {
    return document.querySelector('dialog[open]:modal') ?? document;
  } catch {
    return document.querySelector('dialog[open]') ?? document; // browsers without :modal
  }
}

function isUsable(element: HTMLElement): boolean {
  const visible = element.checkVisibility ? element.checkVisibility() : element.getClientRects().length > 0;
  return visible && !element.matches(':disabled, [aria-disabled="true"]');
}

function declared(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${SHORTCUT_ATTRIBUTE}]`)].filter(isUsable);
}

/** The element a key would trigger now: the first visible, enabled one that declares it. */
export function findShortcutTarget(key: string): HTMLElement | undefined {
  return declared(scope()).find((element) => element.getAttribute(SHORTCUT_ATTRIBUTE) === key);
}

/** Fields get focus (so "/" puts the cursor in the search box); everything else is clicked. */
export function activate(element: HTMLElement): void {
  if (element.matches('input, textarea, select')) element.focus();
  else element.click();
}

/** Every shortcut on the page, one per key (the one that would fire), in page order. */
export function listShortcuts(root: ParentNode = document): DeclaredShortcut[] {
  const byKey = new Map<string, DeclaredShortcut>();
  for (const element of declared(root)) {
    const key = element.getAttribute(SHORTCUT_ATTRIBUTE) ?? '';
    if (!byKey.has(key)) byKey.set(key, { key, label: labelOf(element), element });
  }
  return [...byKey.values()];
}

/** aria-label, else the text without the <Kbd> hint, else the field's <label> or placeholder. */
export function labelOf(element: HTMLElement): string {
  const ariaLabel = element.getAttribute('aria-label')?.trim();
  if (ariaLabel) return ariaLabel;
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('kbd, [aria-hidden="true"]').forEach((hidden) => hidden.remove());
  const text = copy.textContent?.replace(/\s+/g, ' ').trim();
  if (text) return text;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
    const label = element.labels?.[0]?.textContent?.trim();
    if (label) return label;
  }
  return element.getAttribute('placeholder') ?? element.getAttribute('title') ?? element.tagName.toLowerCase();
}

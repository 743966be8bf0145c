/**
 * Classes shared by the settings components. Colours come from the theme tokens
 * (app/globals.css), so they follow the light, dark and system themes alike.
 * Buttons and alerts look as they do everywhere else: components/ui/styles.ts.
 */
export { INPUT_CLASSES } from '@/components/mcp/tool-form';

/** A warning that is not an error, e.g. "the environment wins over this value". */
export const NOTE_CLASSES = 'rounded-md border-l-4 border-accent bg-surface px-4 py-3 text-foreground';

export const CARD_CLASSES = 'rounded-lg border border-border p-5';

/**
 * Classes shared by the settings components. Colours come from the theme tokens
 * (app/globals.css), so they follow the light, dark and system themes alike.
 */
export { INPUT_CLASSES } from '@/components/mcp/tool-form';

export const PRIMARY_BUTTON_CLASSES =
  'rounded-md bg-foreground px-5 py-2 text-base font-semibold text-background hover:opacity-90 disabled:opacity-50';

export const SECONDARY_BUTTON_CLASSES =
  'rounded-md border border-border px-5 py-2 text-base font-semibold hover:bg-surface-strong disabled:opacity-50';

export const ALERT_CLASSES = 'rounded-md border-2 border-danger bg-surface px-4 py-3 text-foreground';

/** A warning that is not an error, e.g. "the environment wins over this value". */
export const NOTE_CLASSES = 'rounded-md border-l-4 border-accent bg-surface px-4 py-3 text-foreground';

export const CARD_CLASSES = 'rounded-lg border border-border p-5';

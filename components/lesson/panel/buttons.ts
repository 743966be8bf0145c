/** The panel's two button looks: the main action, and the one beside it. */
export const PRIMARY_BUTTON =
  'inline-flex items-center gap-2 rounded-md bg-accent px-5 py-2 text-base font-semibold text-accent-foreground hover:opacity-90 disabled:opacity-60';
export const SECONDARY_BUTTON =
  'inline-flex items-center gap-2 rounded-md border-2 border-accent px-5 py-2 text-base font-semibold hover:bg-accent/10 disabled:opacity-60';

/**
 * The app's one set of button and alert looks. Colours come from the theme
 * tokens (app/globals.css), so they follow the light, dark and system themes
 * alike; every page uses these, so the same action looks the same everywhere.
 */

/** The main action of a block: run, save, build. */
export const PRIMARY_BUTTON =
  'inline-flex items-center gap-2 rounded-md bg-accent px-5 py-2 text-base font-semibold text-accent-foreground hover:opacity-90 disabled:opacity-60';

/** The action beside it: cancel, reset, try again. */
export const SECONDARY_BUTTON =
  'inline-flex items-center gap-2 rounded-md border-2 border-accent px-5 py-2 text-base font-semibold hover:bg-accent/10 disabled:opacity-60';

/** Something failed: pair it with role="alert" where it appears in answer to an action. */
export const ALERT = 'rounded-md border-2 border-danger bg-surface px-4 py-3 text-foreground';

/** One choice of a pill group (pill-group.tsx): pressed is filled with the accent. */
export const PILL_BUTTON =
  'rounded-md border-2 border-border px-3 py-1 font-mono text-base hover:border-accent disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:border-border aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:font-semibold aria-pressed:text-accent-foreground';

'use client';
/**
 * Shown when the configuration cannot be read: a value saved on this page may
 * be the cause (a base URL the token may not be sent to, say), and with the
 * forms gone the learner would have to edit a file they may never have seen.
 * Removing a saved value is always safe: the next source down applies.
 */
import { SECONDARY_BUTTON } from '@/components/ui/styles';
import { useSaveSettings } from './use-settings';

export function RemoveSavedValues() {
  const save = useSaveSettings();
  return (
    <section aria-labelledby="remove-saved-heading" className="space-y-3">
      <h2 id="remove-saved-heading" className="text-lg font-semibold">
        Caused by a value saved on this page?
      </h2>
      <p className="text-muted">Remove it here; the environment or the config file then applies as before.</p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={SECONDARY_BUTTON}
          disabled={save.isPending}
          onClick={() => save.mutate({ todoistApiBaseUrl: null })}
        >
          Remove the saved base URL
        </button>
        <button type="button" className={SECONDARY_BUTTON} disabled={save.isPending} onClick={() => save.mutate({ todoistApiToken: null })}>
          Remove the saved token
        </button>
      </div>
      {save.isError && (
        <p role="alert" className="text-danger">
          {save.error.message}
        </p>
      )}
    </section>
  );
}

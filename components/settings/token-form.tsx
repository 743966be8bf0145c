'use client';
/**
 * Save or remove the Todoist API token. The token goes to the server once; what
 * comes back, and what this form shows afterwards, is only the masked value.
 * In multi-user mode there is nothing to save (the server would refuse it):
 * only removing a token saved earlier remains.
 */
import { useId, useState, type FormEvent } from 'react';
import type { KeyReport } from '@/lib/config';
import { OverrideNote } from './override-note';
import { overridingEntry, savedOnThisPage } from './sources';
import { ALERT_CLASSES, CARD_CLASSES, INPUT_CLASSES, PRIMARY_BUTTON_CLASSES, SECONDARY_BUTTON_CLASSES } from './styles';
import { useSaveSettings } from './use-settings';

export function TokenForm({ token, savingAllowed }: { token: KeyReport; savingAllowed: boolean }) {
  const id = useId();
  const save = useSaveSettings();
  const [value, setValue] = useState('');
  const saved = savedOnThisPage(token);
  const override = overridingEntry(token);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Cleared once saved: the token should not linger in the page.
    save.mutate({ todoistApiToken: value }, { onSuccess: () => setValue('') });
  };
  const remove = () => save.mutate({ todoistApiToken: null });
  const done = save.variables?.todoistApiToken === null ? 'Saved token removed.' : 'Token saved.';

  return (
    <section aria-labelledby={`${id}-heading`} className={`space-y-4 ${CARD_CLASSES}`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Todoist API token
      </h2>
      <p data-testid="saved-token" className="text-base">
        Saved on this page:{' '}
        {saved ? <code className="font-mono">{saved.display}</code> : <span className="text-muted">nothing</span>}
      </p>
      {override && <OverrideNote entry={override} what="token" />}
      <form onSubmit={submit} className="space-y-3">
        {savingAllowed ? (
          <div>
            <label htmlFor={id} className="block text-base font-semibold">
              New token
            </label>
            <input
              id={id}
              type="password"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-hint`}
              className={`mt-1 font-mono ${INPUT_CLASSES}`}
            />
            <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
              In Todoist: Settings → Integrations → Developer → API token. Paste only the token. It is sent to this server once
              and never sent back: from then on you only see it masked.
            </p>
          </div>
        ) : (
          <p data-testid="token-saving-off" className="text-base">
            Saving a token is off: this server is in multi-user mode. Sign in with your own Todoist account instead.
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          {savingAllowed && (
            <button type="submit" disabled={save.isPending || value === ''} className={PRIMARY_BUTTON_CLASSES}>
              {save.isPending && save.variables?.todoistApiToken !== null ? 'Saving…' : 'Save token'}
            </button>
          )}
          <button type="button" onClick={remove} disabled={save.isPending || !saved} className={SECONDARY_BUTTON_CLASSES}>
            Remove saved token
          </button>
        </div>
      </form>
      <p role="status" className="text-base font-medium">
        {save.isSuccess ? done : ''}
      </p>
      {save.isError && (
        <p role="alert" className={ALERT_CLASSES}>
          {save.error.message}
        </p>
      )}
    </section>
  );
}

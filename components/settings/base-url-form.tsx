'use client';
/**
 * Save the Todoist API base URL, e.g. the local stand-in's, or reset it to
 * Todoist's own. Not a secret, so the saved value is shown as it is.
 */
import { useId, useState, type FormEvent } from 'react';
import type { KeyReport } from '@/lib/config';
import type { SettingsBody } from '@/lib/config/settings-endpoint';
import { DEFAULT_TODOIST_BASE_URL } from '@/lib/todoist/transport';
import { OverrideNote } from './override-note';
import { isReport, overridingEntry, savedOnThisPage } from './sources';
import { ALERT_CLASSES, CARD_CLASSES, INPUT_CLASSES, PRIMARY_BUTTON_CLASSES, SECONDARY_BUTTON_CLASSES } from './styles';
import { useSaveSettings } from './use-settings';

/** What the input shows: the URL saved on this page, else Todoist's default. */
function formValue(baseUrl: KeyReport): string {
  return savedOnThisPage(baseUrl)?.display ?? DEFAULT_TODOIST_BASE_URL;
}

export function BaseUrlForm({ baseUrl }: { baseUrl: KeyReport }) {
  const id = useId();
  const save = useSaveSettings();
  const [value, setValue] = useState(() => formValue(baseUrl));
  const saved = savedOnThisPage(baseUrl);
  const override = overridingEntry(baseUrl);

  // Shows what the server now holds, not what was typed.
  const showSaved = (body: SettingsBody) => setValue(isReport(body) ? formValue(body.keys.todoistApiBaseUrl) : DEFAULT_TODOIST_BASE_URL);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ todoistApiBaseUrl: value.trim() }, { onSuccess: showSaved });
  };
  const reset = () => save.mutate({ todoistApiBaseUrl: null }, { onSuccess: showSaved });
  const done = save.variables?.todoistApiBaseUrl === null ? 'Reset to the default.' : 'Base URL saved.';

  return (
    <section aria-labelledby={`${id}-heading`} className={`space-y-4 ${CARD_CLASSES}`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        Todoist API base URL
      </h2>
      <p data-testid="saved-base-url" className="text-base">
        Saved on this page:{' '}
        {saved ? <code className="font-mono break-all">{saved.display}</code> : <span className="text-muted">nothing (the default applies)</span>}
      </p>
      {override && <OverrideNote entry={override} what="base URL" />}
      <form onSubmit={submit} className="space-y-3">
        <div>
          <label htmlFor={id} className="block text-base font-semibold">
            Base URL
          </label>
          <input
            id={id}
            type="text"
            inputMode="url"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint`}
            className={`mt-1 font-mono ${INPUT_CLASSES}`}
          />
          <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
            Todoist&apos;s is <code className="font-mono">{DEFAULT_TODOIST_BASE_URL}</code>. Point it at the local stand-in (
            <code className="font-mono">npm run todoist:standin</code>) to practise without a Todoist account.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" disabled={save.isPending || value.trim() === ''} className={PRIMARY_BUTTON_CLASSES}>
            Save base URL
          </button>
          <button type="button" onClick={reset} disabled={save.isPending || !saved} className={SECONDARY_BUTTON_CLASSES}>
            Reset to default
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

'use client';
/**
 * Save the Todoist API base URL, e.g. the local stand-in's, or reset it to
 * Todoist's own. Not a secret, so the saved value is shown as it is.
 */
import { useState } from 'react';
import type { KeyReport } from '@/lib/config';
import type { SettingsBody } from '@/lib/config/settings-endpoint';
import { DEFAULT_TODOIST_BASE_URL } from '@/lib/todoist/transport';
import { SettingForm, SettingInput } from './setting-form';
import { isReport, overridingEntry, savedOnThisPage } from './sources';
import { useSaveSettings } from './use-settings';

/** What the input shows: the URL saved on this page, else Todoist's default. */
function formValue(baseUrl: KeyReport): string {
  return savedOnThisPage(baseUrl)?.display ?? DEFAULT_TODOIST_BASE_URL;
}

export function BaseUrlForm({ baseUrl }: { baseUrl: KeyReport }) {
  const save = useSaveSettings();
  const [value, setValue] = useState(() => formValue(baseUrl));
  const saved = savedOnThisPage(baseUrl);
  const override = overridingEntry(baseUrl);

  // Shows what the server now holds, not what was typed.
  const showSaved = (body: SettingsBody) => setValue(isReport(body) ? formValue(body.keys.todoistApiBaseUrl) : DEFAULT_TODOIST_BASE_URL);
  const submit = () => save.mutate({ todoistApiBaseUrl: value.trim() }, { onSuccess: showSaved });
  const reset = () => save.mutate({ todoistApiBaseUrl: null }, { onSuccess: showSaved });
  const done = save.variables?.todoistApiBaseUrl === null ? 'Reset to the default.' : 'Base URL saved.';

  return (
    <SettingForm
      heading="Todoist API base URL"
      saved={saved?.display}
      nothingSaved="nothing (the default applies)"
      savedTestId="saved-base-url"
      override={override && { entry: override, what: 'base URL' }}
      field={
        <SettingInput
          label="Base URL"
          inputMode="url"
          value={value}
          onValue={setValue}
          hint={
            <>
              Todoist&apos;s is <code className="font-mono">{DEFAULT_TODOIST_BASE_URL}</code>. Point it at the local stand-in (
              <code className="font-mono">npm run todoist:standin</code>) to practise without a Todoist account.
            </>
          }
        />
      }
      onSubmit={submit}
      submit={{ label: 'Save base URL', disabled: save.isPending || value.trim() === '' }}
      undo={{ label: 'Reset to default', onClick: reset, disabled: save.isPending || !saved }}
      done={save.isSuccess ? done : ''}
      error={save.isError ? save.error.message : undefined}
    />
  );
}

'use client';
/**
 * Save or remove the Todoist API token. The token goes to the server once; what
 * comes back, and what this form shows afterwards, is only the masked value.
 * In multi-user mode there is nothing to save (the server would refuse it):
 * only removing a token saved earlier remains.
 */
import { useState } from 'react';
import type { KeyReport } from '@/lib/config';
import { SettingForm, SettingInput } from './setting-form';
import { overridingEntry, savedOnThisPage } from './sources';
import { useSaveSettings } from './use-settings';

export function TokenForm({ token, savingAllowed }: { token: KeyReport; savingAllowed: boolean }) {
  const save = useSaveSettings();
  const [value, setValue] = useState('');
  const override = overridingEntry(token);
  const removing = save.variables?.todoistApiToken === null;

  // Cleared once saved: the token should not linger in the page.
  const submit = () => save.mutate({ todoistApiToken: value }, { onSuccess: () => setValue('') });
  const remove = () => save.mutate({ todoistApiToken: null });

  return (
    <SettingForm
      heading="Todoist API token"
      saved={savedOnThisPage(token)?.display}
      nothingSaved="nothing"
      savedTestId="saved-token"
      override={override && { entry: override, what: 'token' }}
      field={
        savingAllowed ? (
          <SettingInput
            label="New token"
            type="password"
            value={value}
            onValue={setValue}
            hint="In Todoist: Settings → Integrations → Developer → API token. Paste only the token. It is sent to this server once and never sent back: from then on you only see it masked."
          />
        ) : (
          <p data-testid="token-saving-off" className="text-base">
            Saving a token is off: this server is in multi-user mode. Sign in with your own Todoist account instead.
          </p>
        )
      }
      onSubmit={submit}
      submit={savingAllowed ? { label: save.isPending && !removing ? 'Saving…' : 'Save token', disabled: save.isPending || value === '' } : undefined}
      undo={{ label: 'Remove saved token', onClick: remove, disabled: save.isPending || !savedOnThisPage(token) }}
      done={save.isSuccess ? (removing ? 'Saved token removed.' : 'Token saved.') : ''}
      error={save.isError ? save.error.message : undefined}
    />
  );
}

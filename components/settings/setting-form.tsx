/**
 * One setting's card on /settings (the token, the base URL): what this page
 * has saved, a note when a higher source wins, the form, and what came of
 * the last save — announced, as a status or an alert.
 */
import { useId, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import type { SourceEntry } from '@/lib/config';
import { ALERT, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import { OverrideNote } from './override-note';
import { CARD_CLASSES, INPUT_CLASSES } from './styles';

interface SettingFormProps {
  heading: string;
  /** What this page has saved for the setting, as it may be shown (a token masked); undefined when nothing. */
  saved: string | undefined;
  /** Said when nothing is saved, e.g. "nothing (the default applies)". */
  nothingSaved: string;
  savedTestId: string;
  /** The higher source that sets the same key, if one does, and what to call the setting in the note. */
  override: { entry: SourceEntry; what: string } | undefined;
  /** The input (a SettingInput), or why there is none. */
  field: ReactNode;
  onSubmit: () => void;
  /** The save button; left out when saving is off. */
  submit?: { label: string; disabled: boolean };
  /** Remove or reset what was saved. */
  undo: { label: string; onClick: () => void; disabled: boolean };
  /** What the last save did, e.g. "Token saved."; empty until one succeeds. */
  done: string;
  error: string | undefined;
}

export function SettingForm({ heading, saved, nothingSaved, savedTestId, override, field, onSubmit, submit, undo, done, error }: SettingFormProps) {
  const id = useId();
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section aria-labelledby={`${id}-heading`} className={`space-y-4 ${CARD_CLASSES}`}>
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {heading}
      </h2>
      <p data-testid={savedTestId} className="text-base">
        Saved on this page: {saved ? <code className="font-mono break-all">{saved}</code> : <span className="text-muted">{nothingSaved}</span>}
      </p>
      {override && <OverrideNote entry={override.entry} what={override.what} />}
      <form onSubmit={handleSubmit} className="space-y-3">
        {field}
        <div className="flex flex-wrap gap-3">
          {submit && (
            <button type="submit" disabled={submit.disabled} className={PRIMARY_BUTTON}>
              {submit.label}
            </button>
          )}
          <button type="button" onClick={undo.onClick} disabled={undo.disabled} className={SECONDARY_BUTTON}>
            {undo.label}
          </button>
        </div>
      </form>
      <p role="status" className="text-base font-medium">
        {done}
      </p>
      {error && (
        <p role="alert" className={ALERT}>
          {error}
        </p>
      )}
    </section>
  );
}

type SettingInputProps = { label: string; hint: ReactNode; value: string; onValue: (value: string) => void } & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'inputMode'
>;

/** A setting's labelled input, with its hint read along (aria-describedby). Never autocompleted or spell-checked: these are keys and URLs. */
export function SettingInput({ label, hint, value, onValue, type = 'text', inputMode }: SettingInputProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-base font-semibold">
        {label}
      </label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        className={`mt-1 font-mono ${INPUT_CLASSES}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        {hint}
      </p>
    </div>
  );
}

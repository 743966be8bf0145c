/**
 * A fieldset of pill buttons, one pressed at a time (aria-pressed): the
 * lesson panel's settings, and the widgets' backend, source and fault
 * pickers. Buttons, not radio inputs, so the page's single-key shortcuts
 * (r, s) still work right after a click.
 */
import { useId, type ReactNode } from 'react';
import { PILL_BUTTON } from './styles';

export interface PillOption<Value extends string> {
  value: Value;
  /** What the button says; the value itself when left out. */
  label?: string;
  /** A line under this one button, read with it (aria-describedby); options with one are laid out as a list. */
  description?: string;
}

interface PillGroupProps<Value extends string> {
  legend: string;
  /** The choices, as values or with a label or description each. */
  options: ReadonlyArray<Value | PillOption<Value>>;
  value: Value;
  onChange: (value: Value) => void;
  disabled?: boolean;
  /** What the pressed choice means, or why the group is off; read with the group. */
  hint?: ReactNode;
  /** A widget's only choice gets a larger legend than one of the panel's several settings. */
  prominent?: boolean;
}

export function PillGroup<Value extends string>({ legend, options, value, onChange, disabled = false, hint, prominent = false }: PillGroupProps<Value>) {
  const ids = useId();
  const choices = options.map((option) => (typeof option === 'string' ? { value: option } : option));
  const listed = choices.some((choice) => choice.description);
  const pill = (choice: PillOption<Value>, index: number) => (
    <button
      key={choice.value}
      type="button"
      aria-pressed={choice.value === value}
      aria-describedby={choice.description ? `${ids}-${index}` : undefined}
      onClick={() => onChange(choice.value)}
      className={PILL_BUTTON}
    >
      {choice.label ?? choice.value}
    </button>
  );
  return (
    <fieldset disabled={disabled} aria-describedby={hint ? `${ids}-hint` : undefined} className="min-w-0">
      <legend className={prominent ? 'text-base font-semibold' : 'text-sm font-semibold'}>{legend}</legend>
      {listed ? (
        <ul className="mt-2 grid gap-x-4 gap-y-2.5 @2xl:grid-cols-2">
          {choices.map((choice, index) => (
            <li key={choice.value} className="min-w-0">
              {pill(choice, index)}
              <p id={`${ids}-${index}`} className="mt-1 text-sm leading-snug text-muted">
                {choice.description}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-1 flex flex-wrap gap-1.5">{choices.map(pill)}</div>
      )}
      {hint && (
        <p id={`${ids}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
    </fieldset>
  );
}

'use client';
/** A labelled <select> for one session setting. */
import { useId } from 'react';
import { INPUT_CLASSES } from './tool-form';

interface SettingSelectProps<Value extends string> {
  label: string;
  value: Value;
  options: ReadonlyArray<{ value: Value; label: string }>;
  onChange: (value: Value) => void;
  disabled?: boolean;
  hint?: string;
}

export function SettingSelect<Value extends string>({ label, value, options, onChange, disabled, hint }: SettingSelectProps<Value>) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        // The options are exactly the Value union, so the cast only restores what the DOM widened to string.
        onChange={(event) => onChange(event.target.value as Value)}
        className={`mt-1 ${INPUT_CLASSES}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Where lesson 5's comparisons read their tasks: the mock (small or large) or the real API. */
import { DATASET_SIZES } from '@/lib/mock/dataset-sizes';
import type { SizeSource } from './size-sessions';

const SOURCES: Record<SizeSource, string> = {
  small: `mock, small (${DATASET_SIZES.small} tasks)`,
  large: `mock, large (${DATASET_SIZES.large.toLocaleString('en-US')} tasks)`,
  real: 'real Todoist',
};

interface SizeSourcePickerProps {
  value: SizeSource;
  onChange: (source: SizeSource) => void;
  disabled: boolean;
}

export function SizeSourcePicker({ value, onChange, disabled }: SizeSourcePickerProps) {
  return (
    <fieldset disabled={disabled} className="min-w-0">
      <legend className="text-base font-semibold">Tasks from</legend>
      <div className="mt-1 flex flex-wrap gap-1.5">
        {(Object.keys(SOURCES) as SizeSource[]).map((source) => (
          <button
            key={source}
            type="button"
            aria-pressed={source === value}
            onClick={() => onChange(source)}
            className="rounded-md border-2 border-border px-3 py-1 font-mono text-base hover:border-accent disabled:cursor-not-allowed disabled:opacity-50 aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:font-semibold aria-pressed:text-accent-foreground"
          >
            {SOURCES[source]}
          </button>
        ))}
      </div>
      <p className="mt-1 text-sm text-muted">
        {value === 'real'
          ? 'The Todoist API, with the token this server is configured with (see Settings).'
          : 'A simulated Todoist inside this app. Switch sizes: the raw answer grows with the account.'}
      </p>
    </fieldset>
  );
}

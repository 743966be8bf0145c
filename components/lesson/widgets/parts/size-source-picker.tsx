/** Where lesson 5's comparisons read their tasks: the mock (small or large) or the real API. */
import { PillGroup } from '@/components/ui/pill-group';
import { DATASET_SIZES } from '@/lib/mock/dataset-sizes';
import type { SizeSource } from './size-sessions';

const SOURCES: Record<SizeSource, string> = {
  small: `mock, small (${DATASET_SIZES.small} tasks)`,
  large: `mock, large (${DATASET_SIZES.large.toLocaleString('en-US')} tasks)`,
  real: 'real Todoist',
};

const OPTIONS = (Object.keys(SOURCES) as SizeSource[]).map((source) => ({ value: source, label: SOURCES[source] }));

interface SizeSourcePickerProps {
  value: SizeSource;
  onChange: (source: SizeSource) => void;
  disabled: boolean;
}

export function SizeSourcePicker({ value, onChange, disabled }: SizeSourcePickerProps) {
  return (
    <PillGroup
      legend="Tasks from"
      prominent
      options={OPTIONS}
      value={value}
      onChange={onChange}
      disabled={disabled}
      hint={
        value === 'real'
          ? 'The Todoist API, with the token this server is configured with (see Settings).'
          : 'A simulated Todoist inside this app. Switch sizes: the raw answer grows with the account.'
      }
    />
  );
}

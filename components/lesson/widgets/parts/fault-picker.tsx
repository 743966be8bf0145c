/**
 * The fault buttons: one per way the upstream can misbehave, each with a
 * line saying what it simulates. One is in force at a time (aria-pressed).
 */
import { useId } from 'react';
import { FAULTS, type Fault } from '@/lib/lessons/widgets/fault-scenarios';

interface FaultPickerProps {
  current: Fault;
  onPick: (fault: Fault) => void;
  disabled: boolean;
}

export function FaultPicker({ current, onPick, disabled }: FaultPickerProps) {
  const ids = useId();
  return (
    <fieldset disabled={disabled} className="min-w-0">
      <legend className="text-base font-semibold">The upstream (mock Todoist) is…</legend>
      <ul className="mt-2 grid gap-x-4 gap-y-2.5 @2xl:grid-cols-2">
        {FAULTS.map((fault) => (
          <li key={fault.id} className="min-w-0">
            <button
              type="button"
              aria-pressed={fault.id === current.id}
              aria-describedby={`${ids}-${slug(fault.id)}`}
              onClick={() => onPick(fault)}
              className="rounded-md border-2 border-border px-3 py-1 font-mono text-base hover:border-accent disabled:cursor-not-allowed disabled:opacity-50 aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:font-semibold aria-pressed:text-accent-foreground"
            >
              {fault.id === 'faithful' ? 'faithful (recovered)' : fault.id}
            </button>
            <p id={`${ids}-${slug(fault.id)}`} className="mt-1 text-sm leading-snug text-muted">
              {fault.simulates}
            </p>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** "malformed: invalid-json" → "malformed-invalid-json": usable in an element id. */
function slug(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '-');
}

/**
 * The fault buttons: one per way the upstream can misbehave, each with a
 * line saying what it simulates. One is in force at a time (aria-pressed).
 */
import { PillGroup } from '@/components/ui/pill-group';
import { FAULTS, type Fault } from '@/lib/lessons/widgets/fault-scenarios';

interface FaultPickerProps {
  current: Fault;
  onPick: (fault: Fault) => void;
  disabled: boolean;
}

const OPTIONS = FAULTS.map((fault) => ({
  value: fault.id,
  label: fault.id === 'faithful' ? 'faithful (recovered)' : fault.id,
  description: fault.simulates,
}));

export function FaultPicker({ current, onPick, disabled }: FaultPickerProps) {
  const pick = (id: Fault['id']) => onPick(FAULTS.find((fault) => fault.id === id) ?? current);
  return <PillGroup legend="The upstream (mock Todoist) is…" prominent options={OPTIONS} value={current.id} onChange={pick} disabled={disabled} />;
}

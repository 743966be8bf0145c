'use client';
/** Which protocol generation the panel's client speaks; the trace below shows what changes. */
import { PROTOCOL_CHOICES, type ProtocolChoice } from '@/lib/mcp/client/constants';
import { PillGroup } from '@/components/ui/pill-group';

const PROTOCOL_HINTS: Record<ProtocolChoice, string> = {
  '2026-07-28': 'Current spec: no initialize, no session; every request carries its own _meta envelope.',
  '2025-11-25': 'The previous generation: an initialize handshake first, then the calls.',
};

export function ProtocolToggle({ value, onChange, disabled }: { value: ProtocolChoice; onChange: (value: ProtocolChoice) => void; disabled: boolean }) {
  return <PillGroup legend="Protocol" options={PROTOCOL_CHOICES} value={value} onChange={onChange} disabled={disabled} hint={PROTOCOL_HINTS[value]} />;
}

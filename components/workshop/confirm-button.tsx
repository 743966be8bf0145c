'use client';
/**
 * A button for what cannot be undone (reset everyone's data, end the room):
 * the first press asks, the second does it. No browser dialog, so it works
 * the same on a projector, a phone and in tests.
 */
import { useState } from 'react';
import { SECONDARY_BUTTON } from '@/components/ui/styles';

interface ConfirmButtonProps {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
}

export function ConfirmButton({ label, confirmLabel, onConfirm, disabled }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={SECONDARY_BUTTON} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={`${SECONDARY_BUTTON} border-danger`}
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="underline" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

'use client';
/** Opens a room for this browser's learner (who then presents it) and goes to its presenter view. */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ALERT, PRIMARY_BUTTON } from '@/components/ui/styles';
import { openRoom } from './room-api';

export function OpenRoomButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const open = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      const { room } = await openRoom();
      router.push(`/present/${room.code}`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };
  return (
    <div className="space-y-3">
      <button type="button" className={PRIMARY_BUTTON} onClick={open} disabled={busy}>
        {busy ? 'Opening a room…' : 'Open a room'}
      </button>
      {failure && (
        <p role="alert" className={ALERT}>
          {failure}
        </p>
      )}
    </div>
  );
}

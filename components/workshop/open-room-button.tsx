'use client';
/** Opens a room for this browser's learner (who then presents it) and goes to its presenter view. */
import { useRouter } from 'next/navigation';
import { ALERT, PRIMARY_BUTTON } from '@/components/ui/styles';
import { openRoom } from './room-api';
import { useAction } from './use-action';

export function OpenRoomButton() {
  const router = useRouter();
  const { busy, failure, run } = useAction();
  const open = () =>
    run(async () => {
      const { room } = await openRoom();
      router.push(`/present/${room.code}`);
    });
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

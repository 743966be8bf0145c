'use client';
/**
 * Taking a seat: the learner chooses whether the presenter sees their name
 * (otherwise they are counted, not named), joins, and goes where the room is.
 */
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ALERT, PRIMARY_BUTTON } from '@/components/ui/styles';
import { JOINED_ROOM_KEY, joinRoom } from './room-api';
import { useAction } from './use-action';

export function JoinForm({ code, destination }: { code: string; destination: string }) {
  const router = useRouter();
  const ids = useId();
  const [showName, setShowName] = useState(false);
  const [name, setName] = useState('');
  const { busy, failure, run } = useAction();

  const join = () =>
    run(async () => {
      await joinRoom(code, showName ? name : undefined);
      localStorage.setItem(JOINED_ROOM_KEY, code);
      router.push(destination);
    });

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void join();
      }}
    >
      <label className="flex items-center gap-3">
        <input type="checkbox" checked={showName} onChange={(event) => setShowName(event.target.checked)} className="h-5 w-5" />
        Show my name to the presenter
      </label>
      {showName && (
        <label htmlFor={`${ids}-name`} className="flex flex-col gap-1">
          <span className="font-semibold">Your name</span>
          <input
            id={`${ids}-name`}
            value={name}
            maxLength={40}
            onChange={(event) => setName(event.target.value)}
            className="w-72 rounded-md border-2 border-border bg-background px-3 py-2"
          />
        </label>
      )}
      <p className="text-muted">{showName ? 'The presenter sees this name beside your progress.' : 'The presenter counts you, without a name.'}</p>
      <button type="submit" className={PRIMARY_BUTTON} disabled={busy || (showName && !name.trim())}>
        {busy ? 'Joining…' : `Join room ${code}`}
      </button>
      {failure && (
        <p role="alert" className={ALERT}>
          {failure}
        </p>
      )}
    </form>
  );
}

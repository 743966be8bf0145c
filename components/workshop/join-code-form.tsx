'use client';
/** Type a room code (as the presenter reads it out) and go to that room's join page. */
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { PRIMARY_BUTTON } from '@/components/ui/styles';

export function JoinCodeForm({ initial = '' }: { initial?: string }) {
  const router = useRouter();
  const [typed, setTyped] = useState(initial);
  const id = useId();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        const code = typed.toUpperCase().replace(/[\s-]/g, '');
        if (code) router.push(`/join/${encodeURIComponent(code)}`);
      }}
    >
      <label htmlFor={id} className="flex flex-col gap-1">
        <span className="font-semibold">Room code</span>
        <input
          id={id}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="w-48 rounded-md border-2 border-border bg-background px-3 py-2 font-mono text-2xl tracking-widest uppercase"
        />
      </label>
      <button type="submit" className={PRIMARY_BUTTON}>
        Go
      </button>
    </form>
  );
}

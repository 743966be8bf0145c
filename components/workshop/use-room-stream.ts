'use client';
/**
 * A page's live line to its room (GET /api/rooms/CODE/events): the room as
 * it changes, and for the presenter who is there. EventSource reconnects by
 * itself after a drop (an instance restarting, a proxy timeout); the hook
 * says when it is disconnected, and when the presence figures are stale.
 */
import { useEffect, useRef, useState } from 'react';
import type { RoomPresence } from '@/lib/workshop/presence';
import type { RoomView } from '@/lib/workshop/room';

export interface RoomStreamState {
  room?: RoomView;
  presence?: RoomPresence & { at: number };
  /** Why the presence figures are old, while they are. */
  stale?: string;
  ended: boolean;
  connected: boolean;
}

export function useRoomStream(code: string | undefined, onRoom?: (room: RoomView) => void): RoomStreamState {
  const [state, setState] = useState<RoomStreamState>({ ended: false, connected: false });
  // The latest callback, read when an event comes: a new function each render must not reopen the stream.
  const onRoomRef = useRef(onRoom);
  useEffect(() => {
    onRoomRef.current = onRoom;
  });

  useEffect(() => {
    if (!code) return;
    const source = new EventSource(`/api/rooms/${code}/events`);
    const read = <T>(event: Event) => JSON.parse((event as MessageEvent<string>).data) as T;
    source.onopen = () => setState((previous) => ({ ...previous, connected: true }));
    source.onerror = () => setState((previous) => ({ ...previous, connected: false }));
    source.addEventListener('room', (event) => {
      const room = read<RoomView>(event);
      setState((previous) => ({ ...previous, room, connected: true }));
      onRoomRef.current?.(room);
    });
    source.addEventListener('presence', (event) => {
      const presence = read<RoomStreamState['presence']>(event);
      setState(({ stale: _fresh, ...previous }) => ({ ...previous, presence, connected: true }));
    });
    source.addEventListener('presence-stale', (event) => {
      const { reason } = read<{ reason: string }>(event);
      setState((previous) => ({ ...previous, stale: reason }));
    });
    source.addEventListener('ended', () => {
      setState((previous) => ({ ...previous, ended: true, connected: false }));
      source.close();
    });
    return () => source.close();
  }, [code]);

  return state;
}

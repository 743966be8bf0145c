/**
 * The browser's side of the room routes (lib/workshop/room-endpoint.ts):
 * small fetch helpers that turn a refusal into an Error whose message is the
 * server's own sentence, ready to show.
 */
import type { RoomPresence } from '@/lib/workshop/presence';
import type { RoomControl, RoomView } from '@/lib/workshop/room';
import type { Progress } from '@/lib/workshop/rooms';
import { ensureLearner } from '@/components/lesson/panel/ensure-learner';

async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  await ensureLearner();
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    ...(body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const parsed = (await response.json().catch(() => undefined)) as { error?: string } | undefined;
  if (!response.ok) throw new Error(parsed?.error ?? `${method} ${path} answered ${response.status}.`);
  return parsed as T;
}

export const openRoom = () => call<{ room: RoomView }>('POST', '/api/rooms', {});

export const myRoom = () => call<{ room: RoomView; role: 'presenter' | 'learner' }>('GET', '/api/rooms/mine');

export const controlRoom = (code: string, control: RoomControl) => call<{ room?: RoomView; ended?: true }>('POST', `/api/rooms/${code}`, control);

export const joinRoom = (code: string, name?: string) => call<{ seat: { name?: string } }>('POST', `/api/rooms/${code}/seat`, { join: true, ...(name && { name }) });

export const reportProgress = (code: string, progress: Progress) => call<unknown>('POST', `/api/rooms/${code}/seat`, progress);

export const leaveRoom = (code: string) => call<unknown>('DELETE', `/api/rooms/${code}/seat`);

export const roomPresence = (code: string) => call<RoomPresence>('GET', `/api/rooms/${code}/presence`);

export { JOINED_ROOM_KEY } from './room-keys';

'use client';
/**
 * The presenter's screen, made for a projector: the join code and QR code
 * large, the room's controls, who is there and what they saw, and the
 * lesson's live panel the room is on, so the demo and its result fill the
 * screen. Everything moves with the room stream; nothing needs a reload.
 */
import { useRouter } from 'next/navigation';
import { useCallback, type ReactNode } from 'react';
import type { RoomControl, RoomView } from '@/lib/workshop/room';
import { controlRoom } from './room-api';
import { PresenceBoard } from './presence-board';
import { PresenterControls, type LessonChoice } from './presenter-controls';
import { useRoomStream } from './use-room-stream';

interface PresenterViewProps {
  initialRoom: RoomView;
  joinUrl: string;
  /** The join link as a QR code (SVG markup drawn on the server by the `qrcode` library). */
  qrSvg: string;
  lessons: LessonChoice[];
  /** The focused lesson's live panel, rendered by the page. */
  children?: ReactNode;
}

export function PresenterView({ initialRoom, joinUrl, qrSvg, lessons, children }: PresenterViewProps) {
  const router = useRouter();
  const code = initialRoom.code;
  // A move changes which lesson's panel the page shows: the page renders it again for the new focus.
  const followFocus = useCallback(
    (room: RoomView) => {
      if (room.focus && room.focus.href !== initialRoom.focus?.href) router.replace(`/present/${code}?${room.focus.href.split('?')[1] ?? ''}`);
    },
    [router, code, initialRoom.focus?.href],
  );
  const stream = useRoomStream(code, followFocus);
  const room = stream.room ?? initialRoom;
  const send = async (control: RoomControl) => {
    await controlRoom(code, control);
    if (control.action === 'end') router.push('/present?ended=1');
  };
  const lessonTitles = Object.fromEntries(lessons.map((lesson) => [lesson.slug, lesson.title]));

  if (stream.ended) {
    return (
      <p role="status" className="text-2xl">
        Room {code} has ended; its data is gone.
      </p>
    );
  }

  return (
    <div className="space-y-10 text-lg">
      <header className="flex flex-wrap items-center gap-8 rounded-xl border-2 border-accent p-6">
        <div className="h-44 w-44 shrink-0 rounded-md bg-white p-2" role="img" aria-label={`QR code of the join link ${joinUrl}`} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <div className="space-y-2">
          <p className="text-xl">Join at</p>
          <p className="font-mono text-3xl font-bold break-all">{joinUrl}</p>
          <p className="text-xl">
            Code{' '}
            <strong className="font-mono text-5xl tracking-widest" data-testid="room-code">
              {code}
            </strong>
          </p>
          <p className="text-base text-muted" role="status">
            {stream.connected ? 'Live' : 'Connecting to the room…'}
            {room.scenario ? ` · Scenario for everyone: ${room.scenario}` : ' · Each demo keeps its own scenario'}
            {room.focus ? ` · Room is on ${lessonTitles[room.focus.slug] ?? room.focus.slug}` : ''}
          </p>
        </div>
      </header>

      <div className="grid gap-10 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-10">
          <PresenterControls room={room} lessons={lessons} send={send} />
          <PresenceBoard stream={stream} lessonTitles={lessonTitles} />
        </div>
        <div className="min-w-0 text-xl">{children ?? <p className="text-muted">Move the room to a lesson: its live panel appears here.</p>}</div>
      </div>
    </div>
  );
}

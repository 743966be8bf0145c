/**
 * A room's join page, the link behind the presenter's QR code. A code that
 * does not exist (mistyped, or the room has ended) gets a page that says so
 * and lets the learner type it again.
 */
import type { Metadata } from 'next';
import { JoinCodeForm } from '@/components/workshop/join-code-form';
import { JoinForm } from '@/components/workshop/join-form';
import { findLesson } from '@/lib/lessons/catalogue';
import { normalizeRoomCode } from '@/lib/workshop/room-code';
import { getRooms } from '@/lib/workshop/process';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Join a workshop · MCP Dojo' };

export default async function JoinRoomPage({ params }: { params: Promise<{ code: string }> }) {
  const typed = decodeURIComponent((await params).code).slice(0, 20);
  const code = normalizeRoomCode(typed);
  const room = code ? await getRooms().get(code) : undefined;

  if (!room) {
    return (
      <div className="mx-auto max-w-3xl space-y-6 px-6 py-12 text-lg">
        <h1 className="text-4xl font-bold tracking-tight">No room {code ?? typed}</h1>
        <p role="status">
          {code
            ? 'There is no open room with this code: it may be mistyped, or the room has ended. Check the code on the presenter’s screen.'
            : 'This is not a room code: codes are six letters and digits, such as K7QM2P (no 0, O, 1 or I).'}
        </p>
        <JoinCodeForm />
      </div>
    );
  }

  const lesson = room.focus && findLesson(room.focus.slug)?.meta.title;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-6 py-12 text-lg">
      <h1 className="text-4xl font-bold tracking-tight">
        Join room <span className="font-mono">{room.code}</span>
      </h1>
      <p>
        You get mock data of your own to change. While you follow the presenter, your page moves with the room
        {lesson ? ` (it is on “${lesson}” now)` : ''}; you can stop following at any time.
      </p>
      <JoinForm code={room.code} destination={room.focus?.href ?? '/'} />
    </div>
  );
}

/**
 * The presenter's view of one room (components/workshop/presenter-view.tsx),
 * with the live panel of the lesson the room is on. Only the room's
 * presenter sees it; anyone else is told where to go instead.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import QRCode from 'qrcode';
import { LivePanel } from '@/components/lesson/live-panel';
import { PresenterView } from '@/components/workshop/presenter-view';
import type { LessonChoice } from '@/components/workshop/presenter-controls';
import { findLesson, getCatalogue } from '@/lib/lessons/catalogue';
import { LiveLessonSchema } from '@/lib/lessons/schema';
import { normalizeRoomCode } from '@/lib/workshop/room-code';
import { roomView } from '@/lib/workshop/room';
import { getRooms } from '@/lib/workshop/process';
import { pageOrigin, pageViewer } from '@/lib/workshop/page-context';

export const dynamic = 'force-dynamic';

interface PresenterPageProps {
  params: Promise<{ code: string }>;
}

export async function generateMetadata({ params }: PresenterPageProps): Promise<Metadata> {
  return { title: `Room ${normalizeRoomCode((await params).code) ?? ''} · MCP Dojo` };
}

export default async function PresenterPage({ params }: PresenterPageProps) {
  const code = normalizeRoomCode((await params).code);
  const room = code && (await getRooms().get(code));
  const viewer = await pageViewer();
  if (!room) return <Notice title="No such room" text={`There is no open room ${code ?? (await params).code}: it may have ended.`} />;
  if (room.presenter !== viewer?.key) {
    return <Notice title="This is the presenter’s view" text={`Only the browser that opened room ${room.code} can present it. To take part, join it.`} join={room.code} />;
  }

  const joinUrl = `${await pageOrigin()}/join/${room.code}`;
  const qrSvg = await QRCode.toString(joinUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const lessons: LessonChoice[] = getCatalogue()
    .filter((entry) => entry.meta.status === 'live')
    .map(({ meta }) => ({ slug: meta.slug, number: meta.number, title: meta.title, demos: meta.demos.map(({ id, title }) => ({ id, title })) }));
  const focused = room.focus && findLesson(room.focus.slug);
  const lesson = focused && focused.meta.status === 'live' ? LiveLessonSchema.parse(focused.meta) : undefined;

  return (
    <div className="mx-auto max-w-[120rem] px-6 py-8">
      <h1 className="sr-only">Presenting room {room.code}</h1>
      <PresenterView initialRoom={roomView(room)} joinUrl={joinUrl} qrSvg={qrSvg} lessons={lessons}>
        {lesson && <LivePanel key={lesson.slug} slug={lesson.slug} title={lesson.title} demos={lesson.demos} prompt={lesson.prompt} />}
      </PresenterView>
    </div>
  );
}

function Notice({ title, text, join }: { title: string; text: string; join?: string }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-6 py-16 text-lg">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p>{text}</p>
      <p className="flex gap-6">
        {join && (
          <Link className="text-accent underline" href={`/join/${join}`}>
            Join room {join}
          </Link>
        )}
        <Link className="text-accent underline" href="/present">
          Open a room of your own
        </Link>
      </p>
    </div>
  );
}

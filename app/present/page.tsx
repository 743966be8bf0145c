/** Where a presenter starts a workshop: what a room does, and the button that opens one. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { OpenRoomButton } from '@/components/workshop/open-room-button';
import { getRooms } from '@/lib/workshop/process';
import { pageViewer } from '@/lib/workshop/page-context';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Present a workshop · MCP Dojo' };

export default async function PresentPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  const viewer = await pageViewer();
  const seated = viewer && (await getRooms().roomOf(viewer).catch(() => undefined));
  const presenting = seated?.role === 'presenter' ? seated.room.code : undefined;
  const { ended } = await searchParams;
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-6 py-12 text-lg">
      <h1 className="text-4xl font-bold tracking-tight">Present a workshop</h1>
      {ended && <p role="status">The room has ended and its data is gone.</p>}
      <p>
        A room puts a group of learners on the same lesson. Each learner gets mock data of their own to change; you move everyone to a lesson’s demo,
        switch the upstream to a fault for everyone at once (and back), see who is there and what they observed, and reset or end the room.
      </p>
      <p>Learners join with a six-character code or the QR code on your screen. They choose whether you see their name.</p>
      {presenting ? (
        <p>
          You are presenting room{' '}
          <Link className="font-mono font-bold text-accent underline" href={`/present/${presenting}`}>
            {presenting}
          </Link>
          .
        </p>
      ) : (
        <OpenRoomButton />
      )}
    </div>
  );
}

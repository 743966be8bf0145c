'use client';
/**
 * The room bar of a learner who sits in a room (loaded only then, by
 * room-bar.tsx): follows the presenter's moves (unless the learner stopped
 * following), says when the presenter set a scenario for everyone or reset
 * the room, and reports where the learner is and what they observed.
 */
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useObservations } from '@/components/lesson/panel/use-observations';
import type { Observed } from '@/lib/lessons/observation-log';
import type { RoomView } from '@/lib/workshop/room';
import { JOINED_ROOM_KEY, leaveRoom, myRoom, reportProgress } from './room-api';
import { useRoomStream } from './use-room-stream';

const FOLLOW_KEY = 'mcp-dojo:room-follow:v1';
/** The last move this tab followed: a page load does not drag a learner back to where they chose to leave. */
const FOLLOWED_KEY = 'mcp-dojo:room-followed:v1';

/** Checks the remembered room with the server (the judge: an ended room, or a seat given up elsewhere, is forgotten). */
export default function RoomMembership({ remembered, onForget }: { remembered: string; onForget: () => void }) {
  const [code, setCode] = useState<string>();
  useEffect(() => {
    myRoom().then(
      ({ room, role }) => (role === 'learner' && room.code === remembered ? setCode(room.code) : forget()),
      forget,
    );
    function forget() {
      localStorage.removeItem(JOINED_ROOM_KEY);
      onForget();
    }
  }, [remembered, onForget]);
  return code ? <SeatedBar code={code} onLeft={onForget} /> : null;
}

function SeatedBar({ code, onLeft }: { code: string; onLeft: () => void }) {
  const router = useRouter();
  const pathname = usePathname();
  const lesson = pathname.startsWith('/lessons/') ? pathname.split('/')[2] : undefined;
  const [following, setFollowing] = useState(() => localStorage.getItem(FOLLOW_KEY) !== 'no');
  const [notice, setNotice] = useState<string>();
  const generation = useRef<number>(undefined);

  const follow = (room: RoomView, force = false) => {
    const href = room.focus?.href;
    if (!href || (!force && sessionStorage.getItem(FOLLOWED_KEY) === `${room.code}:${href}`)) return;
    sessionStorage.setItem(FOLLOWED_KEY, `${room.code}:${href}`);
    if (`${location.pathname}${location.search}` !== href) router.push(href);
  };

  const stream = useRoomStream(code, (room) => {
    if (generation.current !== undefined && room.generation !== generation.current) setNotice('The presenter reset the room: your demos start again from fresh data.');
    generation.current = room.generation;
    if (following) follow(room);
  });
  const room = stream.room;

  // Where the learner is: on each page, and with each thing they observe.
  const { observations } = useObservations(lesson ?? '');
  const last = observations.at(-1);
  // What was already observed when the page opened is not a new run: only what comes after counts.
  const baseline = useRef<{ lesson?: string; last?: Observed }>({});
  useEffect(() => {
    if (!lesson) return;
    const isNew = baseline.current.lesson === lesson && last !== baseline.current.last;
    baseline.current = { lesson, last };
    const demo = currentDemo();
    const observed = isNew && last ? { summary: last.summary.slice(0, 400), ok: !('ok' in last) || last.ok !== false } : undefined;
    reportProgress(code, { lesson, ...(demo && { demo }), ...(observed && { observed }) }).catch(() => undefined);
  }, [code, lesson, last]);

  useEffect(() => {
    if (stream.ended) localStorage.removeItem(JOINED_ROOM_KEY);
  }, [stream.ended]);

  const setFollow = (on: boolean) => {
    setFollowing(on);
    localStorage.setItem(FOLLOW_KEY, on ? 'yes' : 'no');
    if (on && room) follow(room, true);
  };

  const leave = async () => {
    await leaveRoom(code).catch(() => undefined);
    localStorage.removeItem(JOINED_ROOM_KEY);
    onLeft();
  };

  if (stream.ended) {
    return (
      <aside aria-label="Workshop room" className="border-b-2 border-accent bg-surface px-6 py-3" role="status">
        Room {code} has ended. Your own workspaces are as you left them before you joined.
      </aside>
    );
  }

  return (
    <aside aria-label="Workshop room" data-testid="room-bar" className="space-y-1 border-b-2 border-accent bg-surface px-6 py-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <span>
          Room <strong className="font-mono">{code}</strong>
          {!stream.connected && <span className="text-muted"> · reconnecting…</span>}
        </span>
        <span>{following ? 'Following the presenter' : 'Not following'}</span>
        <button type="button" className="underline" onClick={() => setFollow(!following)}>
          {following ? 'Stop following' : 'Follow again'}
        </button>
        {!following && room?.focus && (
          <a className="text-accent underline" href={room.focus.href}>
            Go where the room is
          </a>
        )}
        <button type="button" className="underline" onClick={leave}>
          Leave the room
        </button>
      </div>
      {room?.scenario && (
        <p role="status" data-testid="room-scenario">
          The presenter set the upstream to <strong className="font-mono">{room.scenario}</strong> for everyone: your demos run against it, whatever their
          scenario buttons say.
        </p>
      )}
      {!room?.focus && <p className="text-muted">Waiting for the presenter to open a lesson.</p>}
      {notice && <p role="status">{notice}</p>}
    </aside>
  );
}

/**
 * The demo the learner has open: the link's (`?demo=`), else the panel's selected tab (a lesson's first demo as it
 * starts has no query), else none (a lesson with one demo shows no tabs).
 */
function currentDemo(): string | undefined {
  const linked = new URLSearchParams(location.search).get('demo');
  if (linked) return linked;
  return document.querySelector('[data-testid="live-panel"] [role="tab"][aria-selected="true"]')?.getAttribute('data-demo') ?? undefined;
}

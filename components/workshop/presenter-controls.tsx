'use client';
/**
 * What the presenter does to the whole room: move everyone to a lesson's
 * demo ("follow me"), switch the upstream scenario for every learner's
 * workspace and back, reset every workspace, end the room.
 */
import { useState } from 'react';
import { PillGroup } from '@/components/ui/pill-group';
import { ALERT, PRIMARY_BUTTON } from '@/components/ui/styles';
import { demoStateHref } from '@/lib/lessons/deep-link';
import type { RoomControl, RoomView } from '@/lib/workshop/room';
import { ROOM_SCENARIOS } from '@/lib/workshop/room-scenarios';
import { ConfirmButton } from './confirm-button';
import { useAction } from './use-action';

export interface LessonChoice {
  slug: string;
  number: number;
  title: string;
  demos: { id: string; title: string }[];
}

interface PresenterControlsProps {
  room: RoomView;
  lessons: LessonChoice[];
  send: (control: RoomControl) => Promise<void>;
}

const EACH_DEMO = 'each-demo';

export function PresenterControls({ room, lessons, send }: PresenterControlsProps) {
  const [slug, setSlug] = useState(room.focus?.slug ?? lessons[0]?.slug ?? '');
  const lesson = lessons.find((candidate) => candidate.slug === slug) ?? lessons[0];
  const [demoId, setDemoId] = useState(lesson?.demos[0]?.id ?? '');
  const demo = lesson?.demos.find((candidate) => candidate.id === demoId) ?? lesson?.demos[0];
  const { busy, failure, run } = useAction();
  const act = (control: RoomControl) => run(() => send(control));

  return (
    <section aria-labelledby="controls-heading" className="space-y-5">
      <h2 id="controls-heading" className="text-2xl font-bold">
        Room controls
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-sm font-semibold">Lesson</span>
          <select
            className="rounded-md border-2 border-border bg-background px-2 py-1 text-lg"
            value={lesson?.slug}
            onChange={(event) => {
              setSlug(event.target.value);
              setDemoId(lessons.find((candidate) => candidate.slug === event.target.value)?.demos[0]?.id ?? '');
            }}
          >
            {lessons.map((choice) => (
              <option key={choice.slug} value={choice.slug}>
                {choice.number}. {choice.title}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-sm font-semibold">Demo</span>
          <select className="rounded-md border-2 border-border bg-background px-2 py-1 text-lg" value={demo?.id} onChange={(event) => setDemoId(event.target.value)}>
            {lesson?.demos.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.title}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={PRIMARY_BUTTON}
          disabled={busy || !lesson || !demo}
          onClick={() => lesson && demo && act({ action: 'move', focus: { slug: lesson.slug, href: demoStateHref(lesson.slug, demo.id) } })}
        >
          Move everyone here
        </button>
      </div>

      <PillGroup
        legend="Upstream scenario for every learner"
        options={[{ value: EACH_DEMO, label: 'as each demo sets it' }, ...ROOM_SCENARIOS]}
        value={room.scenario ?? EACH_DEMO}
        disabled={busy}
        onChange={(value) => act({ action: 'scenario', scenario: value === EACH_DEMO ? null : (value as (typeof ROOM_SCENARIOS)[number]) })}
        prominent
      />

      <div className="flex flex-wrap gap-3">
        <ConfirmButton label="Reset every workspace…" confirmLabel="Yes, reset everyone’s data" disabled={busy} onConfirm={() => act({ action: 'reset' })} />
        <ConfirmButton label="End the room…" confirmLabel="Yes, end it (its data goes)" disabled={busy} onConfirm={() => act({ action: 'end' })} />
      </div>
      {failure && (
        <p role="alert" className={ALERT}>
          {failure}
        </p>
      )}
    </section>
  );
}

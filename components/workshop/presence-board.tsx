'use client';
/**
 * Who is in the room and what they saw, for the presenter: live from the
 * room stream, never by reloading. Learners who did not choose to show a
 * name are "Learner N".
 */
import type { RoomStreamState } from './use-room-stream';

interface PresenceBoardProps {
  stream: RoomStreamState;
  /** Lesson titles by slug, to say where each learner is. */
  lessonTitles: Record<string, string>;
}

export function PresenceBoard({ stream, lessonTitles }: PresenceBoardProps) {
  const { presence, stale } = stream;
  const where = (slug?: string, demo?: string) => (slug ? `${lessonTitles[slug] ?? slug}${demo ? ` · ${demo}` : ''}` : 'not on a lesson yet');
  return (
    <section aria-labelledby="presence-heading" className="space-y-4" data-testid="presence">
      <h2 id="presence-heading" className="text-2xl font-bold">
        The room
      </h2>
      {stale && (
        <p role="status" className="rounded-md border-2 border-warning bg-surface px-4 py-2">
          Presence is stale: {stale} The figures below are the last known; they update again once the store is back.
        </p>
      )}
      {!presence ? (
        <p className="text-muted">Waiting for the room’s first figures…</p>
      ) : (
        <>
          <p className="text-xl" data-testid="presence-counts">
            <strong>{presence.connected}</strong> of {presence.total} learners connected · <strong>{presence.ran}</strong> ran a demo
          </p>
          {presence.observed.length > 0 && (
            <ul className="space-y-2" aria-label="What the room observed">
              {presence.observed.map((group) => (
                <li key={`${group.lesson}\n${group.summary}`} className="rounded-md border border-border px-3 py-2">
                  <strong>
                    {group.count} of {presence.total}
                  </strong>{' '}
                  saw{group.ok ? '' : ' an error'}: {group.summary}
                </li>
              ))}
            </ul>
          )}
          <table className="w-full text-left">
            <caption className="sr-only">Learners</caption>
            <thead className="text-sm text-muted">
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Where</th>
                <th scope="col">Runs</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {presence.learners.map((learner, index) => (
                <tr key={index} className="border-t border-border" data-testid="learner-row">
                  <td className="py-1 pr-3">
                    <span aria-hidden="true" className={learner.connected ? 'text-success' : 'text-muted'}>
                      ●{' '}
                    </span>
                    {learner.label}
                    <span className="sr-only">{learner.connected ? ' (connected)' : ' (not connected)'}</span>
                  </td>
                  <td className="py-1 pr-3">{where(learner.lesson, learner.demo)}</td>
                  <td className="py-1 pr-3">{learner.runs}</td>
                  <td className="py-1">{learner.observed?.summary ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

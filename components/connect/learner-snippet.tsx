'use client';
/**
 * A copyable snippet with the visitor's own learner id filled in: the page is
 * rendered with a placeholder, and the id comes from GET /api/learner (which
 * also sets the cookie the browser's own demos use — so Claude Code with this
 * URL reaches the same workspaces as this browser).
 */
import { useQuery } from '@tanstack/react-query';
import { LEARNER_PLACEHOLDER, withLearner } from '@/lib/mcp/connect-snippets';
import { CopyBlock } from './copy-block';

async function fetchLearner(): Promise<string> {
  const response = await fetch('/api/learner', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET /api/learner answered ${response.status}`);
  const body = (await response.json()) as { learner?: unknown };
  if (typeof body.learner !== 'string') throw new Error('GET /api/learner gave no learner id');
  return body.learner;
}

export function useLearnerId() {
  return useQuery({ queryKey: ['learner-id'], queryFn: fetchLearner, staleTime: Infinity, retry: false });
}

export function LearnerSnippet({ id, label, text }: { id: string; label: string; text: string }) {
  const learner = useLearnerId();
  return <CopyBlock id={id} label={label} text={learner.data ? withLearner(text, learner.data) : text} />;
}

/** "Your learner id: …" — or why the snippets still show the placeholder. */
export function LearnerIdNote() {
  const learner = useLearnerId();
  if (learner.data) {
    return (
      <p className="text-muted" data-testid="learner-id">
        Your learner id, filled into the HTTP lines below: <code className="break-all">{learner.data}</code>. Keep it to yourself: with
        it, a client reaches your workspaces.
      </p>
    );
  }
  if (learner.error) {
    return (
      <p role="alert" className="text-muted">
        Could not get your learner id ({learner.error.message}): replace <code>{LEARNER_PLACEHOLDER}</code> with the id from{' '}
        <code>/api/learner</code>.
      </p>
    );
  }
  return <p className="text-muted">Getting your learner id…</p>;
}

/** Where a learner types the code their presenter reads out. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { JoinCodeForm } from '@/components/workshop/join-code-form';

export const metadata: Metadata = { title: 'Join a workshop · MCP Dojo' };

export default function JoinPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-6 py-12 text-lg">
      <h1 className="text-4xl font-bold tracking-tight">Join a workshop</h1>
      <p>Type the six-character code on the presenter’s screen.</p>
      <JoinCodeForm />
      <p className="text-muted">
        Presenting?{' '}
        <Link href="/present" className="text-accent underline">
          Open a room
        </Link>{' '}
        for your group.
      </p>
    </div>
  );
}

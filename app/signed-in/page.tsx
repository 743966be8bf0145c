import type { Metadata } from 'next';
import { FinishSignIn } from '@/components/oauth/finish-sign-in';

export const metadata: Metadata = { title: 'Signing in — MCP Dojo', robots: { index: false } };

/** Where this app's authorization server sends a browser client back after consent (its redirect URI). */
export default function SignedInPage() {
  return (
    <div className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-bold tracking-tight">Signing in</h1>
      <FinishSignIn />
    </div>
  );
}

/**
 * What the workshop pages (server components) need from the request: who
 * is looking (the signed learner cookie, as for every learner route) and
 * the site's public origin for the join link.
 */
import { cookies, headers } from 'next/headers';
import { LEARNER_COOKIE, verifyLearnerId, type Tenant } from '@/lib/identity/learner';

export async function pageViewer(): Promise<Tenant | undefined> {
  return verifyLearnerId((await cookies()).get(LEARNER_COOKIE)?.value);
}

/** DOJO_PUBLIC_URL behind a proxy; else the host and scheme this request came to. */
export async function pageOrigin(env: Record<string, string | undefined> = process.env): Promise<string> {
  if (env.DOJO_PUBLIC_URL) return new URL(env.DOJO_PUBLIC_URL).origin;
  const incoming = await headers();
  const scheme = incoming.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${scheme}://${incoming.get('host') ?? 'localhost:3000'}`;
}

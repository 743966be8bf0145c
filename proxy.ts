/**
 * The Content-Security-Policy of every response (see lib/security/headers.ts;
 * the headers that never change are set in next.config.ts). Pages get a nonce
 * per request: Next reads it from the request's CSP header and puts it on its
 * own scripts, and app/layout.tsx puts it on ours. A page with a nonce cannot
 * be prerendered, so every page is rendered per request.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { OTHER_SITE_PATH } from '@/lib/security/attacks/report';
import { NON_PAGE_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy } from '@/lib/security/headers';

/** Routes that answer with JSON or their own plain HTML, not the app's React pages. */
const NON_PAGE = /^\/(api|oauth|standin|\.well-known)(\/|$)/;
/** Routes that set a policy of their own: lesson 9's "another site", framed by the lesson in a sandbox. */
const OWN_POLICY = new Set([OTHER_SITE_PATH]);

export function proxy(request: NextRequest): NextResponse {
  if (OWN_POLICY.has(request.nextUrl.pathname)) return NextResponse.next();
  if (NON_PAGE.test(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', NON_PAGE_CONTENT_SECURITY_POLICY);
    return response;
  }
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Not the build's static files: scripts, styles and images, which no policy applies to.
  matcher: [{ source: '/((?!_next/static|_next/image).*)' }],
};

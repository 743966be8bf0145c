import type { NextConfig } from 'next';
import { FRAME_OPTIONS_HEADER, STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // node-redis is loaded from node_modules at run time, not bundled: it has an optional
  // `import('@node-rs/xxhash')` that a bundler would try (and fail) to resolve.
  serverExternalPackages: ['redis', '@redis/client'],
  // OAuth discovery lives under /.well-known, which the app router does not route (dot-folder):
  // serve it from app/api/well-known instead (see lib/auth/metadata.ts).
  // On every response, static files included; the Content-Security-Policy is per request, in proxy.ts.
  async headers() {
    const list = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
    return [
      { source: '/:path*', headers: list(STATIC_SECURITY_HEADERS) },
      // Lesson 9's "another site" is framed by the lesson (its own CSP says by whom): every other path, never.
      { source: '/:path((?!api/security/other-site$).*)', headers: list(FRAME_OPTIONS_HEADER) },
    ];
  },
  async rewrites() {
    return [
      { source: '/.well-known/:path*', destination: '/api/well-known/:path*' },
      // Pages of plain HTML (the OAuth and stand-in pages) name no icon, so browsers ask for /favicon.ico.
      { source: '/favicon.ico', destination: '/icon.svg' },
    ];
  },
};

export default nextConfig;

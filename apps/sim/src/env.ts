/**
 * The environment of this package's two roles, read and validated in this one place:
 * the sim (main.ts) and the worker (worker/main.ts) each call their loader once.
 */
import { z } from 'zod';
import { DatabaseUrlSchema, ZONES } from '@necp/shared';
import { DEFAULT_REDIS_PREFIX, RedisPrefixSchema } from '@necp/game';

/** An unset variable and an empty one mean the same: "use the default". */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema);

const LIVE_ZONE_IDS = ZONES.filter((zone) => zone.live).map((zone) => zone.id);

/** What both roles read. */
export const SharedEnv = {
  DATABASE_URL: DatabaseUrlSchema,
  /** with Redis: the processes hear each other through it (else PostgreSQL), shared ticket replay guard */
  REDIS_URL: optional(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
  ),
  /** namespace of every Redis key and the Socket.IO adapter channels (two deployments may share a Redis) */
  REDIS_PREFIX: optional(RedisPrefixSchema.default(DEFAULT_REDIS_PREFIX)),
  SIM_TICKET_SECRET: z.string().min(16, 'must be at least 16 characters'),
  /** words the chat filter masks besides its English list, comma-separated (docs/social.md) */
  CHAT_FILTER_WORDS: optional(
    z
      .string()
      .max(10_000)
      .transform((s) =>
        s
          .split(',')
          .map((w) => w.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().regex(/^[A-Za-z0-9 ]{2,40}$/, 'letters, digits and spaces (2–40)'))
          .max(1000),
      )
      .default([]),
  ),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
};

const SimEnvSchema = z.object({
  ...SharedEnv,
  SIM_PORT: optional(z.coerce.number().int().min(0).max(65535).default(3001)),
  /** comma-separated browser origins allowed to connect */
  SIM_CORS_ORIGIN: optional(
    z
      .string()
      .default('http://localhost:3000')
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
  ),
  /** where browsers reach this process: with Redis, the web sends the players of its zones here */
  SIM_PUBLIC_URL: optional(z.url().default('http://localhost:3001')),
  /**
   * comma-separated zone ids this process may run (default: every live zone); with Redis it
   * runs those whose lease it holds. `none`: no open-world zone — it runs only the instances
   * it is chosen for (docs/instances.md)
   */
  SIM_ZONES: optional(
    z
      .union([
        z.literal('none').transform((): string[] => []),
        z
          .string()
          .transform((s) =>
            s
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean),
          )
          .pipe(
            z
              .array(z.string().refine((id) => LIVE_ZONE_IDS.includes(id), 'not a live zone id'))
              .min(1),
          ),
      ])
      .optional(),
  ),
  /**
   * a directory: every zone writes a recording there (replay with `pnpm replay <file>`);
   * costs a state hash per tick and disk, so for debugging sessions, not production
   */
  SIM_RECORD_DIR: optional(z.string().max(1024).optional()),
  /** 'off': zones spawn no NPCs (the bench's move-only and idle workloads measure players alone) */
  SIM_NPCS: optional(z.enum(['on', 'off']).default('on')),
  /**
   * test servers only (the e2e suite): one fixed seed for the process's randomness, so
   * every zone opens with the same seed — the same NPC homes and the same roll streams
   * run to run. Unset in production: fights and loot must not be predictable.
   */
  SIM_SEED: optional(z.coerce.number().int().min(0).max(0x7fffffff).optional()),
  /**
   * the operator token of GET /metrics (`Authorization: Bearer <token>`): zones, players,
   * CPU, memory and the cluster's leases are not for the public. Unset: /metrics is off.
   */
  SIM_METRICS_TOKEN: optional(
    z
      .string()
      .min(16, 'must be at least 16 characters')
      .max(256)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces')
      .optional(),
  ),
});
export type SimEnv = z.infer<typeof SimEnvSchema>;

/** Parses an environment, or throws one message that names every bad variable. */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  source: NodeJS.ProcessEnv,
  role: string,
): z.infer<T> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid ${role} environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): SimEnv {
  return parseEnv(SimEnvSchema, source, 'sim');
}

const WorkerEnvSchema = z.object({
  ...SharedEnv,
  /** GET /health of the worker (its only HTTP route; 0 picks a free port) */
  WORKER_PORT: optional(z.coerce.number().int().min(0).max(65535).default(3002)),
  /**
   * the web's own address as the worker reaches it (http://127.0.0.1:3000): the worker
   * tells it which public pages changed (POST /api/internal/revalidate, signed with
   * a key derived from SIM_TICKET_SECRET). Unset: no calls; those pages expire within a
   * minute (docs/leaderboards.md, "Caching and revalidation")
   */
  WEB_INTERNAL_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  ),
});
export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(WorkerEnvSchema, source, 'worker');
}

/** `pnpm bench:leaderboard [options]`: the command line, parsed and validated here. */
import { z } from 'zod';
import { flags, readCommandLine } from '../command-line';

export const LB_SCENARIOS = [
  'top-cached',
  'top-cold',
  'deep-cached',
  'deep-cold',
  'class-cold',
  'around',
  'profile-cached',
  'profile-cold',
] as const;
export type LbScenario = (typeof LB_SCENARIOS)[number];

export const LB_MODES = ['redis', 'postgres'] as const;
export type LbMode = (typeof LB_MODES)[number];

const USAGE = `pnpm bench:leaderboard [options]
  --characters 1000000   ranked characters seeded (one account each)
  --guilds 10000         guilds (every 20th character is in one)
  --modes redis,postgres the web with Redis (REDIS_URL, a REDIS_PREFIX of the run's own), then without (PostgreSQL fallback)
  --only <scenarios>     ${LB_SCENARIOS.join(',')}
  --concurrency 1,8      requests in flight (closed loop), one run each
  --seconds 15           length of each run
  --deep-page 5000       the deep board page (50 rows a page)
  --no-build             use the existing production build of apps/web (.next)
  --keep-db              keep the database necp_bench_leaderboard afterwards
  --reuse-db             use a kept necp_bench_leaderboard as it is (no seeding)
  --out docs/perf.md     where the results section is written
  --no-write             print the results, leave docs/perf.md alone
Environment: DATABASE_URL (else an embedded PostgreSQL), REDIS_URL (required for the redis mode).`;

const csv = z.string().transform((s) => s.split(',').map((x) => x.trim()));

const LbArgsSchema = z.object({
  characters: z.coerce.number().int().min(1000).max(5_000_000),
  guilds: z.coerce
    .number()
    .int()
    .min(1)
    .max(26 ** 4 - 1),
  modes: csv.pipe(z.array(z.enum(LB_MODES)).min(1)),
  only: csv.pipe(z.array(z.enum(LB_SCENARIOS)).min(1)),
  concurrency: csv.transform((xs) => xs.map(Number)).pipe(z.array(z.int().min(1).max(256)).min(1)),
  seconds: z.coerce.number().int().min(1).max(600),
  deepPage: z.coerce.number().int().min(2).max(20_000),
  build: z.boolean(),
  keepDb: z.boolean(),
  reuseDb: z.boolean(),
  out: z.string().min(1),
  write: z.boolean(),
});
export type LbArgs = z.infer<typeof LbArgsSchema>;

export const parseLbArgs = (argv: string[]): LbArgs =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: LbArgsSchema,
    options: {
      characters: { type: 'string', default: '1000000' },
      guilds: { type: 'string', default: '10000' },
      modes: { type: 'string', default: LB_MODES.join(',') },
      only: { type: 'string', default: LB_SCENARIOS.join(',') },
      concurrency: { type: 'string', default: '1,8' },
      seconds: { type: 'string', default: '15' },
      'deep-page': { type: 'string', default: '5000' },
      'no-build': { type: 'boolean', default: false },
      'keep-db': { type: 'boolean', default: false },
      'reuse-db': { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
    },
    input: (values) => ({ ...flags(values), keepDb: values['keep-db'] || values['reuse-db'] }),
  });

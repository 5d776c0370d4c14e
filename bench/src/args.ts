/** `pnpm bench [options]`: the command line, parsed and validated in this one place. */
import { z } from 'zod';
import { flags, readCommandLine } from './command-line';

export const BENCH_MODES = ['fight', 'move', 'idle'] as const;
export type BenchMode = (typeof BENCH_MODES)[number];

/** bot counts per mode when --bots is not given */
const DEFAULT_BOTS: Record<BenchMode, string> = {
  fight: '50,200,500,1000',
  move: '200,1000',
  idle: '10000',
};

const USAGE = `pnpm bench [options]
  --mode fight             fight: walk and fight in Watson (default); move: move-only bots in a
                           square (issue 11's full-city workload, SIM_NPCS=off); idle: connected
                           players who do nothing (memory per connection, join times)
  --bots <counts>          bot counts, one run each (fresh database and sim per run);
                           default fight 50,200,500,1000 · move 200,1000 · idle 10000
  --seconds 30             length of the measured window per run
  --warmup 10              seconds between the last bot connecting and the window
  --connect-rate 100       new connections per second while bots join
  --bot-threads 1          worker threads the bots are spread over (idle 10000: use 4 or more)
  --walk-only              fight mode: bots only walk (no combat:use)
  --pin / --no-pin         sim on CPU 0, bench on CPU 1 (taskset); default on for move and idle
  --seed 11                spawn points and directions of the move workload
  --out docs/perf.md       where the results section is written
  --no-write               print the results, leave docs/perf.md alone
  --profile                CPU-profile the sim over each measured window (.data/bench/profiles)
  --keep-db                keep the bench databases (necp_bench_<n>) after the run
Environment: DATABASE_URL (else an embedded PostgreSQL), REDIS_URL (optional, passed to the sim).`;

const positiveInt = z.coerce.number().int().positive();

const BenchArgsSchema = z.object({
  mode: z.enum(BENCH_MODES),
  bots: z
    .string()
    .transform((s) => s.split(',').map((x) => Number(x.trim())))
    .pipe(z.array(z.int().positive().max(20_000)).min(1)),
  seconds: positiveInt.max(3600),
  warmup: z.coerce.number().int().min(0).max(600),
  connectRate: positiveInt.max(5000),
  botThreads: positiveInt.max(64),
  walkOnly: z.boolean(),
  pin: z.boolean(),
  seed: z.coerce.number().int().min(0).max(0x7fffffff),
  out: z.string().min(1),
  write: z.boolean(),
  keepDb: z.boolean(),
  profile: z.boolean(),
});
export type BenchArgs = z.infer<typeof BenchArgsSchema>;

export const parseBenchArgs = (argv: string[]): BenchArgs =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: BenchArgsSchema,
    options: {
      mode: { type: 'string', default: 'fight' },
      bots: { type: 'string' },
      seconds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '10' },
      'connect-rate': { type: 'string', default: '100' },
      'bot-threads': { type: 'string', default: '1' },
      'walk-only': { type: 'boolean', default: false },
      pin: { type: 'boolean' },
      'no-pin': { type: 'boolean' },
      seed: { type: 'string', default: '11' },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
      'keep-db': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
    },
    input: (values) => {
      const mode = z.enum(BENCH_MODES).safeParse(values.mode);
      return {
        ...flags(values),
        bots: values.bots ?? (mode.success ? DEFAULT_BOTS[mode.data] : DEFAULT_BOTS.fight),
        // --pin / --no-pin; neither: on for move and idle
        pin: values['no-pin'] ? false : (values.pin ?? (mode.success && mode.data !== 'fight')),
      };
    },
  });

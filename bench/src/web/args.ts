/** `pnpm bench:web [options]`: the command line, parsed and validated here. */
import { z } from 'zod';
import { readCommandLine } from '../command-line';

export const WEB_SCENARIOS = ['get', 'move', 'landing', 'page'] as const;
export type WebScenario = (typeof WEB_SCENARIOS)[number];

const USAGE = `pnpm bench:web [options]
  --get 100,300,500        inventory.get rates (requests a second), one run each
  --move 50,150,300        inventory.move rates, spread over --players players
  --landing 200,1000,2000  landing page (/) rates
  --page 50,100            a personal page (/characters, signed in) rates
  --players 50             signed-in players (made through the real API)
  --seconds 20             length of each run's window
  --only get,move,landing,page  which scenarios run
  --no-build               use the existing production build of apps/web
  --no-pin                 do not pin the web to CPU 0 and the sender to CPU 1
  --profile                CPU-profile the web over each run (.data/bench/profiles/web-*.cpuprofile)
  --out docs/perf.md       where the results section is written
  --no-write               print the results, leave docs/perf.md alone
Environment: DATABASE_URL (else an embedded PostgreSQL), REDIS_URL (optional, passed to the web).`;

const rates = z
  .string()
  .transform((s) => (s.trim() === '' ? [] : s.split(',').map((x) => Number(x.trim()))))
  .pipe(z.array(z.number().int().min(1).max(20_000)).max(10));

const WebArgsSchema = z.object({
  get: rates,
  move: rates,
  landing: rates,
  page: rates,
  players: z.coerce.number().int().min(1).max(1000),
  seconds: z.coerce.number().int().min(1).max(600),
  only: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(WEB_SCENARIOS)).min(1)),
  build: z.boolean(),
  pin: z.boolean(),
  profile: z.boolean(),
  out: z.string().min(1),
  write: z.boolean(),
});
export type WebBenchArgs = z.infer<typeof WebArgsSchema>;

export const parseWebArgs = (argv: string[]): WebBenchArgs =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: WebArgsSchema,
    options: {
      get: { type: 'string', default: '100,300,500' },
      move: { type: 'string', default: '50,150,300' },
      landing: { type: 'string', default: '200,1000,2000' },
      page: { type: 'string', default: '50,100' },
      players: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '20' },
      only: { type: 'string', default: WEB_SCENARIOS.join(',') },
      'no-build': { type: 'boolean', default: false },
      'no-pin': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
    },
  });

/** `pnpm bench:auction [options]`: the command line, parsed and validated here. */
import { z } from 'zod';
import { flags, readCommandLine } from '../command-line';
import { undoStatement } from './try-index';

const USAGE = `pnpm bench:auction [options]
  --listings 100000    live listings seeded (sellers: as many as that takes, ≤ 40 live each)
  --ended 25000        ended listings besides (sold, expired, cancelled: the table's history)
  --rounds 300         measured rounds: each runs every query kind once (a search: page 1 and 2)
  --warmup 30          rounds before those, not measured
  --seed 28            the data's and the query order's random seed
  --try-index <sql>    after the run: CREATE INDEX … (or CREATE STATISTICS …) on the scratch
                       database, then measure again; repeat the flag for several statements
  --keep-db            keep the database necp_bench_auction afterwards
  --reuse-db           use a kept necp_bench_auction as it is (no seeding)
  --out docs/perf.md   where the results section is written
  --no-write           print the results, leave docs/perf.md alone
Environment: DATABASE_URL (else an embedded PostgreSQL); the bench makes a database of its own beside it.`;

const AuctionArgsSchema = z.object({
  listings: z.coerce.number().int().min(1000).max(2_000_000),
  ended: z.coerce.number().int().min(0).max(5_000_000),
  rounds: z.coerce.number().int().min(10).max(100_000),
  warmup: z.coerce.number().int().min(0).max(10_000),
  seed: z.coerce.number().int(),
  tryIndex: z.array(
    z
      .string()
      .refine(
        (s) => undoStatement(s) !== undefined,
        '--try-index takes one named CREATE INDEX or CREATE STATISTICS statement',
      ),
  ),
  keepDb: z.boolean(),
  reuseDb: z.boolean(),
  out: z.string().min(1),
  write: z.boolean(),
});
export type AuctionArgs = z.infer<typeof AuctionArgsSchema>;

export const parseAuctionArgs = (argv: string[]): AuctionArgs =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: AuctionArgsSchema,
    options: {
      listings: { type: 'string', default: '100000' },
      ended: { type: 'string', default: '25000' },
      rounds: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '30' },
      seed: { type: 'string', default: '28' },
      'try-index': { type: 'string', multiple: true, default: [] },
      'keep-db': { type: 'boolean', default: false },
      'reuse-db': { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
    },
    input: (values) => ({ ...flags(values), keepDb: values['keep-db'] || values['reuse-db'] }),
  });

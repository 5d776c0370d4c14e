/** `pnpm bench:economy [options]`: the command line, parsed and validated here. */
import { z } from 'zod';
import { readCommandLine } from '../command-line';

const USAGE = `pnpm bench:economy [options]
  --one-good 6000      orders placed on ONE good by --clients clients at once, as fast as they go
  --clients 40         concurrent clients of the one-good and conflict phases
  --rate 500           operations a second of the paced phase (open loop: sent on time, not waited for)
  --seconds 10         how long the paced phase runs
  --hold-rate 120      a second paced run at a rate one process holds (the latency when it keeps up)
  --target-p99 150     then the highest rate whose p99 (after the start) stays within this many ms,
  --probes 4           found in at most this many more paced runs between the two rates above,
  --step 20            to within this many operations a second (rate-held.ts)
  --ops 10000          operations of the conflict phase: crossing orders, cancels, bids and buyouts
                       on the same auctions, one stack listed and sold at once — then the checks
  --storm-ops 2000     calls (about) of the trades, crafts and contracts storm: stacks offered in
                       trades while listed or sold, two crafts from one craft's inputs, takers
                       racing each other and deliveries racing the worker's deadline — then its checks
  --seed 29            the mix's random seed
  --out docs/perf.md   where the results section is written
  --no-write           print the results, leave docs/perf.md alone
Environment: DATABASE_URL (else an embedded PostgreSQL); the bench makes a database of its own beside it.`;

const EconomyArgsSchema = z.object({
  oneGood: z.coerce.number().int().min(100).max(1_000_000),
  clients: z.coerce.number().int().min(1).max(400),
  rate: z.coerce.number().int().min(1).max(20_000),
  seconds: z.coerce.number().int().min(1).max(600),
  holdRate: z.coerce.number().int().min(1).max(20_000),
  targetP99: z.coerce.number().min(1).max(60_000),
  probes: z.coerce.number().int().min(0).max(10),
  step: z.coerce.number().int().min(1).max(10_000),
  ops: z.coerce.number().int().min(100).max(1_000_000),
  stormOps: z.coerce.number().int().min(50).max(1_000_000),
  seed: z.coerce.number().int(),
  out: z.string().min(1),
  write: z.boolean(),
});
export type EconomyArgs = z.infer<typeof EconomyArgsSchema>;

export const parseEconomyArgs = (argv: string[]): EconomyArgs =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: EconomyArgsSchema,
    options: {
      'one-good': { type: 'string', default: '6000' },
      clients: { type: 'string', default: '40' },
      rate: { type: 'string', default: '500' },
      seconds: { type: 'string', default: '10' },
      'hold-rate': { type: 'string', default: '120' },
      'target-p99': { type: 'string', default: '150' },
      probes: { type: 'string', default: '4' },
      step: { type: 'string', default: '20' },
      ops: { type: 'string', default: '10000' },
      'storm-ops': { type: 'string', default: '2000' },
      seed: { type: 'string', default: '29' },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
    },
  });

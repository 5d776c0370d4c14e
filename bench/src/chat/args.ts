/** `pnpm bench:chat [options]`: the command line, parsed and validated here. */
import { z } from 'zod';
import { flags, readCommandLine } from '../command-line';
import { CHAT_ROOMS, type ChatRoom } from './protocol';

const USAGE = `pnpm bench:chat [options]
  --bots 1000              connected bots, one run per count (fresh database and sims per run)
  --sims 1,2               sim processes, one set of runs each: 1, and 2 sharing PostgreSQL and
                           Redis (half the bots in Watson on sim 1, half in Westbrook on sim 2);
                           default 1,2 with REDIS_URL, else 1
  --districts <1|2>        districts the bots live in (default: as many as sims): 2 with --sims 1
                           runs the two-district workload in one process, for comparison
  --channel <room>         where the channel messages go: district (default with one district),
                           global (default with two: every bot on both sims hears it) or trade
  --channel-rate 50        channel messages a second, in all
  --whisper-rate 20        whispers a second, in all, between random pairs of bots
  --seconds 30             the sending window
  --warmup 10              seconds between the last connect and the window
  --loss-ms 5000           a delivery later than this after its due time counts as lost
  --blocks 10              bots that block (/ignore) another random bot: their messages skip
                           the blocker, so the sim's "except blockers" path is exercised and checked
  --connect-rate 100       new connections per second while bots join
  --bot-threads 1          worker threads the bots are spread over
  --no-pin                 one sim: do not pin the sim to CPU 0 and the bench to CPU 1 (two sims
                           are never pinned)
  --seed 13                senders, whisper pairs, blocks and homes
  --out docs/perf.md       where the results section is written
  --no-write               print the results, leave docs/perf.md alone
  --keep-db                keep the bench databases after the run
Environment: DATABASE_URL (else an embedded PostgreSQL), REDIS_URL (passed to the sims; required
with --sims 2; each run uses a fresh REDIS_PREFIX).`;

const rate = z.coerce.number().min(0).max(10_000);

const ChatArgsSchema = z
  .object({
    bots: z
      .string()
      .transform((s) => s.split(',').map((x) => Number(x.trim())))
      .pipe(z.array(z.int().min(2).max(20_000)).min(1)),
    sims: z
      .string()
      .transform((v) => v.split(',').map((x) => Number(x.trim())))
      .pipe(z.array(z.int().min(1).max(2)).min(1)),
    districts: z.coerce.number().int().min(1).max(2).optional(),
    channel: z.enum(CHAT_ROOMS).optional(),
    channelRate: rate,
    whisperRate: rate,
    seconds: z.coerce.number().int().min(1).max(3600),
    warmup: z.coerce.number().int().min(0).max(600),
    lossMs: z.coerce.number().int().min(100).max(60_000),
    blocks: z.coerce.number().int().min(0).max(10_000),
    connectRate: z.coerce.number().int().positive().max(5000),
    botThreads: z.coerce.number().int().positive().max(64),
    pin: z.boolean(),
    seed: z.coerce.number().int().min(0).max(0x7fffffff),
    out: z.string().min(1),
    write: z.boolean(),
    keepDb: z.boolean(),
  })
  .refine((a) => a.districts === undefined || a.sims.every((n) => a.districts! >= n), {
    message: 'each sim runs its own district: --districts must be at least --sims',
    path: ['districts'],
  })
  .refine((a) => a.channelRate + a.whisperRate > 0, {
    message: 'nothing to send',
    path: ['channel-rate'],
  });
export type ChatBenchArgs = z.infer<typeof ChatArgsSchema>;

/** One process layout to run: sims, the districts the bots live in, where channel messages go. */
export interface Topology {
  sims: number;
  districts: number;
  channel: ChatRoom;
}

export function topologies(args: ChatBenchArgs): Topology[] {
  return args.sims.map((sims) => {
    const districts = args.districts ?? sims;
    return { sims, districts, channel: args.channel ?? (districts === 1 ? 'district' : 'global') };
  });
}

export const parseChatArgs = (argv: string[]): ChatBenchArgs =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: ChatArgsSchema,
    options: {
      bots: { type: 'string', default: '1000' },
      sims: { type: 'string' },
      districts: { type: 'string' },
      channel: { type: 'string' },
      'channel-rate': { type: 'string', default: '50' },
      'whisper-rate': { type: 'string', default: '20' },
      seconds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '10' },
      'loss-ms': { type: 'string', default: '5000' },
      blocks: { type: 'string', default: '10' },
      'connect-rate': { type: 'string', default: '100' },
      'bot-threads': { type: 'string', default: '1' },
      'no-pin': { type: 'boolean', default: false },
      seed: { type: 'string', default: '13' },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
      'keep-db': { type: 'boolean', default: false },
    },
    input: (values) => ({
      ...flags(values),
      sims: values.sims ?? (process.env.REDIS_URL ? '1,2' : '1'),
    }),
  });

/**
 * One process of the two-process paced phase (`two-processes.ts` starts two): the paced
 * mix at its share of the rate, on its own connection pool, against the bench's database —
 * as two web processes would place orders on the same books. Seeds its traders, says
 * `ready`, waits for `go` on stdin, then prints its calls as one JSON line.
 */
import readline from 'node:readline';
import { z } from 'zod';
import { createDb } from '@necp/db';
import { paced } from './phases';

const ArgsSchema = z.object({
  url: z.string().min(1),
  rate: z.number().int().min(1),
  seconds: z.number().int().min(1),
  seed: z.number().int(),
  pool: z.number().int().min(1).max(60),
});
const args = ArgsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const lines = readline.createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.on('line', (l) => l === 'go' && resolve()));
const db = createDb(args.url, { max: args.pool });
try {
  const r = await paced(db, {
    rate: args.rate,
    seconds: args.seconds,
    seed: args.seed,
    ready: async () => {
      process.stdout.write('ready\n');
      await go;
    },
  });
  process.stdout.write(
    `${JSON.stringify({ calls: r.recorder.dump(), nodeMs: r.result.cpu.nodeMs, steadyMs: r.steadyMs, seconds: r.result.seconds, sentSeconds: r.sentSeconds, goods: r.goods })}\n`,
  );
} finally {
  lines.close();
  await db.$disconnect();
}

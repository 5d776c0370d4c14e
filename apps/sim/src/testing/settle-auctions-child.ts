/**
 * The worker's auction task as a process of its own, for the settlement crash test
 * (cluster/auction-crash.test.ts): it runs settleDueAuctions — the very function the
 * worker's minute job runs — one listing after another until nothing is due, with
 * DATABASE_URL from the environment, and says on stdout when it has begun.
 */
import { createDb } from '@necp/db';
import { settleDueAuctions, systemClock } from '@necp/game';

const db = createDb(process.env.DATABASE_URL!, { max: 2 });
process.stdout.write('settling\n');
for (;;) {
  const n = await settleDueAuctions({ db, clock: systemClock });
  if (n === 0) break;
}
await db.$disconnect();

// `pnpm outbox <command>`: the operator's view of domain events that could not be
// delivered (docs/operations.md, "Domain events and dead letters"), against DATABASE_URL.
//   pnpm outbox dead-letters [--after <eventId>]   parked events and jobs that failed for good
//   pnpm outbox replay <eventId …> | --all         hand parked events back to the drain
import { createDb } from '@necp/db';
import {
  listDeadLetters,
  listFailedJobs,
  replayDeadLetters,
} from '../packages/game/src/outbox/dead-letters';

const USAGE = `usage:
  pnpm outbox dead-letters [--after <eventId>]
  pnpm outbox replay <eventId> [<eventId> …]
  pnpm outbox replay --all`;

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: point it at the database to inspect.');
  process.exit(2);
}

const [command, ...args] = process.argv.slice(2);
const eventIds = (xs: readonly string[]): bigint[] | null =>
  xs.every((x) => /^\d{1,19}$/.test(x)) ? xs.map((x) => BigInt(x)) : null;

const db = createDb(url, { max: 2 });
try {
  if (command === 'dead-letters') {
    const after = args[0] === '--after' ? eventIds(args.slice(1, 2)) : [];
    if (!after || (args.length > 0 && after.length === 0)) throw new Error(USAGE);
    const letters = await listDeadLetters(db, after[0] === undefined ? {} : { afterId: after[0] });
    if (letters.length === 0) console.log('no dead letters');
    for (const l of letters) {
      console.log(
        `#${l.eventId} ${l.type} ${l.key} — parked ${l.parkedAt.toISOString()} after ${l.attempts} attempt(s); waiting: ${l.subscribers.join(', ') || '(none)'}`,
      );
      console.log(`    ${l.lastError.replaceAll('\n', '\n    ')}`);
      console.log(`    payload ${JSON.stringify(l.payload)}`);
    }
    if (letters.length > 0)
      console.log(`(${letters.length} shown; next page: --after ${letters.at(-1)!.eventId})`);
    const jobs = await listFailedJobs(db);
    for (const j of jobs)
      console.log(
        `job ${j.id} ${j.task} failed for good after ${j.attempts} attempt(s): ${j.lastError ?? ''}`,
      );
  } else if (command === 'replay') {
    const which = args[0] === '--all' && args.length === 1 ? 'all' : eventIds(args);
    if (!which || which.length === 0) throw new Error(USAGE);
    const replayed = await replayDeadLetters(db, which);
    console.log(
      replayed.length === 0
        ? 'nothing replayed (no such dead letters)'
        : `replayed ${replayed.length}: ${replayed.join(', ')}`,
    );
  } else {
    throw new Error(USAGE);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
}

// `pnpm leaderboards <command>`: the operator's handle on the leaderboards' Redis
// sorted sets (docs/leaderboards.md), against DATABASE_URL, REDIS_URL and REDIS_PREFIX.
//   pnpm leaderboards status               every board: built or missing, rows
//   pnpm leaderboards rebuild [board …]    rebuild from PostgreSQL (every board by default)
// A rebuild is safe while the game runs: readers see the old board until the new one
// is swapped in, and updates made meanwhile are applied again after the swap.
import { createDb } from '@necp/db';
import { DEFAULT_REDIS_PREFIX, createRedis } from '../packages/game/src/core/redis';
import { createLog } from '../packages/game/src/core/log';
import { systemClock } from '../packages/game/src/core/clock';
import { BOARD_SOURCES, rebuildBoard } from '../packages/game/src/leaderboards/index';
import { boardKeys, boardSetKeys } from '../packages/game/src/leaderboards/redis-boards';
import { LEADERBOARD_KEYS, isLeaderboardKey } from '../packages/shared/src/index';

const USAGE = `usage:
  pnpm leaderboards status
  pnpm leaderboards rebuild [${LEADERBOARD_KEYS.join(' | ')} …]`;

const dbUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (!dbUrl) {
  console.error('DATABASE_URL is not set: point it at the game database.');
  process.exit(2);
}
if (!redisUrl) {
  console.error(
    'REDIS_URL is not set. Without Redis the boards are read straight from PostgreSQL: there is nothing to rebuild.',
  );
  process.exit(2);
}

const [command, ...args] = process.argv.slice(2);
const db = createDb(dbUrl, { max: 2 });
const redis = createRedis(redisUrl, process.env.REDIS_PREFIX || DEFAULT_REDIS_PREFIX);
const deps = { db, redis, clock: systemClock, log: createLog('leaderboards', 'warn') };
try {
  if (command === 'status') {
    for (const board of LEADERBOARD_KEYS) {
      const k = boardKeys(board);
      const sets = boardSetKeys(board, BOARD_SOURCES[board].byClass);
      const sizes = await Promise.all(sets.map((s) => redis.zcard(s)));
      const building = await redis.exists(k.building);
      const missing = sizes.filter((n) => n === 0).length;
      // a built set holds a sentinel besides its rows
      console.log(
        `${board.padEnd(13)} ${missing === 0 ? 'built  ' : `MISSING ${missing} set(s)`} ${Math.max(0, (sizes[0] ?? 0) - 1)} row(s)${building ? ' — rebuild running' : ''}`,
      );
    }
  } else if (command === 'rebuild') {
    const boards = args.length === 0 ? [...LEADERBOARD_KEYS] : args;
    const unknown = boards.filter((b) => !isLeaderboardKey(b));
    if (unknown.length > 0) throw new Error(`unknown board ${unknown.join(', ')}\n${USAGE}`);
    for (const board of boards.filter(isLeaderboardKey)) {
      const r = await rebuildBoard(deps, board);
      console.log(
        'busy' in r
          ? `${board}: another rebuild is running; try again when it ends`
          : `${board}: ${r.rows} row(s) in ${r.ms} ms`,
      );
    }
  } else {
    throw new Error(USAGE);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
  redis.disconnect();
}

import type { CraftState } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { DIRECT, inTransaction } from '../core/transaction';
import { lockCraft } from './craft-rows';
import { cancelLocked, finishLocked } from './finish-craft';

/** The worker's scheduled job (graphile-worker crontab: every minute, once across all nodes). */
export const CRAFT_FINISH_TASK = 'craft_finish';
export const CRAFT_FINISH_CRONTAB = `* * * * * ${CRAFT_FINISH_TASK}`;
/** crafts one sweep finishes (the rest wait for the next minute) */
const BATCH = 200;

/**
 * Finishes one casting craft whose cast is over, in its own transaction under the
 * character's and the craft's locks: 'finished', 'cancelled' when its character was
 * deleted meanwhile (its stacks are freed: a purge can then take them), false when
 * someone finished or cancelled it first (or it is not due).
 */
export async function finishDueCraft(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  craft: { id: string; characterId: string },
): Promise<'finished' | 'cancelled' | false> {
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const [who] = await lockCharacters(tx, [craft.characterId], { includeDeleted: true });
      if (!who) return false; // purged: the craft went with it
      const row = await lockCraft(tx, craft.characterId, craft.id);
      if (row.state !== ('casting' satisfies CraftState) || row.completesAt > now) return false;
      if (who.deletedAt !== null) {
        await cancelLocked(tx, row, now);
        return 'cancelled';
      }
      await finishLocked(tx, who, row, now);
      return 'finished';
    },
    DIRECT,
  );
}

/**
 * The worker's sweep: every casting craft past its cast, through finishDueCraft — so a
 * craft finishes even when its crafter closed the game. Two sweeps at once, or a sweep
 * racing the crafter's own finish, finish each craft once. A craft that fails is logged
 * and left for the next sweep. Returns how many it finished or cancelled.
 */
export async function finishDueCrafts(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
): Promise<number> {
  const due = await deps.db.craft.findMany({
    where: { state: 'casting' satisfies CraftState, completesAt: { lte: deps.clock.now() } },
    select: { id: true, characterId: true },
    orderBy: { completesAt: 'asc' },
    take: BATCH,
  });
  let done = 0;
  for (const craft of due) {
    try {
      if (await finishDueCraft(deps, craft)) done++;
    } catch (err) {
      deps.log.error({ err, craftId: craft.id }, 'craft sweep: finishing failed');
    }
  }
  return done;
}

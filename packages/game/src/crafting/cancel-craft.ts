import { CraftRefSchema, type CraftRef, type CraftView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { lockCharacter } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { craftView, lockCraft } from './craft-rows';
import { craftFinished } from './errors';
import { cancelLocked } from './finish-craft';

/**
 * Stops one's own casting craft (anywhere, any time before it is finished): its held
 * stacks are freed, nothing is consumed, no skill is learned. A second cancel finds it
 * cancelled and changes nothing; a finished craft cannot be cancelled.
 */
export async function cancelCraft(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: CraftRef,
): Promise<CraftView> {
  const r = parseInput(CraftRefSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockCharacter(tx, r.characterId);
      const craft = await lockCraft(tx, c.id, r.craftId);
      if (craft.state === 'cancelled') return craftView(craft);
      if (craft.state === 'done') throw craftFinished();
      return craftView(await cancelLocked(tx, craft, now));
    },
    DIRECT,
  );
}

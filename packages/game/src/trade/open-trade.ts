import {
  TRADE_IDLE_MS,
  TradeOpenInputSchema,
  type TradeOpenInput,
  type TradeView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { lockLiveCharacters } from '../core/lock-order';
import { parseInput } from '../core/validation';
import { inTransaction } from '../core/transaction';
import { characterNotFound } from '../core/errors';
import { alreadyTrading, tradeRefusedByBlock } from './errors';
import { tradeView } from './trade-rows';

/**
 * Opens a trade between `aId` (who asked) and `bId` (who accepted the request): the
 * sim calls it once the request was accepted in range (docs/economy.md "Trade").
 * Refused: either side gone, either side blocking the other, either side already in
 * an open trade. Returns the trade as `a` sees it.
 */
export async function openTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: TradeOpenInput,
): Promise<TradeView> {
  const { aId, bId } = parseInput(TradeOpenInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const live = await lockLiveCharacters(tx, [aId, bId]);
    if (live.length < 2) throw characterNotFound(live.some((c) => c.id === aId) ? bId : aId);
    const names = new Map(
      (
        await tx.character.findMany({
          where: { id: { in: [aId, bId] } },
          select: { id: true, name: true },
        })
      ).map((c) => [c.id, c.name]),
    );
    const block = await tx.characterBlock.findFirst({
      where: {
        OR: [
          { blockerId: aId, blockedId: bId },
          { blockerId: bId, blockedId: aId },
        ],
      },
      select: { blockerId: true },
    });
    if (block) throw tradeRefusedByBlock(names.get(bId)!);
    const busy = await tx.trade.findFirst({
      where: { state: 'open', OR: [{ aId: { in: [aId, bId] } }, { bId: { in: [aId, bId] } }] },
      select: { aId: true, bId: true },
    });
    if (busy) {
      const who = busy.aId === aId || busy.bId === aId ? aId : bId;
      throw alreadyTrading(names.get(who)!);
    }
    const trade = await tx.trade.create({
      data: { aId, bId, changedAt: now, expiresAt: new Date(now.getTime() + TRADE_IDLE_MS) },
    });
    return tradeView(tx, trade.id, 'a');
  });
}

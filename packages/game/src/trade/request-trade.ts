import {
  TRADE_REQUEST_MS,
  TradeRequestInputSchema,
  emitTo,
  toCharacters,
  type TradeRequestInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { characterNotFound } from '../core/errors';
import { lockLiveCharacters } from '../core/lock-order';
import { inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { alreadyTrading, tradeRefusedByBlock } from './errors';
import { tradeView, type TradeOutcome } from './trade-rows';

/**
 * `characterId` asks `targetId` for a trade (the sim found the target and checked the
 * range: docs/economy.md "Trade"). The request lapses after TRADE_REQUEST_MS unless
 * answered (answer-trade.ts). Refused: either side gone, a block either way, either
 * side already asking, asked or trading. The target hears trade:requested.
 */
export async function requestTrade(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: TradeRequestInput,
): Promise<TradeOutcome> {
  const { characterId: aId, targetId: bId } = parseInput(TradeRequestInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const live = await lockLiveCharacters(tx, [aId, bId]);
    if (!live.some((c) => c.id === aId)) throw characterNotFound(aId);
    if (!live.some((c) => c.id === bId)) throw characterNotFound(bId);
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
    // one trade at a time, asked or open (a lapsed request no longer counts)
    const busy = await tx.trade.findFirst({
      where: {
        OR: [{ state: 'open' }, { state: 'requested', expiresAt: { gt: now } }],
        AND: [{ OR: [{ aId: { in: [aId, bId] } }, { bId: { in: [aId, bId] } }] }],
      },
      select: { aId: true, bId: true },
    });
    if (busy) {
      const who = busy.aId === aId || busy.bId === aId ? aId : bId;
      throw alreadyTrading(names.get(who)!);
    }
    const expiresAt = new Date(now.getTime() + TRADE_REQUEST_MS);
    const trade = await tx.trade.create({
      data: { aId, bId, state: 'requested', changedAt: now, expiresAt },
    });
    return {
      view: await tradeView(tx, trade.id, 'a'),
      pushes: [
        emitTo(toCharacters(bId), 'trade:requested', {
          tradeId: trade.id,
          from: { characterId: aId, name: names.get(aId)! },
          expiresAt: expiresAt.getTime(),
        }),
      ],
    };
  });
}

import {
  TRADE_REQUEST_MS,
  TradeRequestInputSchema,
  emitTo,
  toCharacters,
  type TradeRequestInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { characterNotFound } from '../core/errors';
import { lockCharacters } from '../core/lock-order';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { alreadyTrading, tradeRefusedByBlock } from './errors';
import { tradeView, type TradeOutcome } from './trade-rows';
import { newRowId } from '../core/row-ids';

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
  return inTransaction(
    deps.db,
    async (tx) => {
      const live = await lockCharacters(tx, [aId, bId]);
      if (!live.some((c) => c.id === aId)) throw characterNotFound(aId);
      if (!live.some((c) => c.id === bId)) throw characterNotFound(bId);
      const pair = [aId, bId];
      const names = new Map(
        (
          await tx.$queryRaw<{ id: string; name: string }[]>`
          SELECT "id", "name" FROM "Character" WHERE "id" = ANY(${pair}::text[])`
        ).map((c) => [c.id, c.name]),
      );
      const block = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "CharacterBlock"
      WHERE ("blockerId" = ${aId} AND "blockedId" = ${bId})
         OR ("blockerId" = ${bId} AND "blockedId" = ${aId}) LIMIT 1`;
      if (block.length > 0) throw tradeRefusedByBlock(names.get(bId)!);
      // one trade at a time, asked or open (a lapsed request no longer counts)
      const busy = await tx.$queryRaw<{ aId: string; bId: string }[]>`
      SELECT "aId", "bId" FROM "Trade"
      WHERE ("state" = 'open' OR ("state" = 'requested' AND "expiresAt" > ${now}::timestamp))
        AND ("aId" = ANY(${pair}::text[]) OR "bId" = ANY(${pair}::text[])) LIMIT 1`;
      if (busy[0]) {
        const who = busy[0].aId === aId || busy[0].bId === aId ? aId : bId;
        throw alreadyTrading(names.get(who)!);
      }
      const expiresAt = new Date(now.getTime() + TRADE_REQUEST_MS);
      const trade = { id: newRowId() };
      await tx.$executeRaw`INSERT INTO "Trade" ("id", "aId", "bId", "state", "changedAt", "expiresAt")
      VALUES (${trade.id}, ${aId}, ${bId}, 'requested', ${now}::timestamp, ${expiresAt}::timestamp)`;
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
    },
    DIRECT,
  );
}

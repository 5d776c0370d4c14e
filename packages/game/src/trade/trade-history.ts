import type { Prisma } from '@necp/db';
import {
  TradeHistoryInputSchema,
  type TradeHistoryEntry,
  type TradeHistoryInput,
  type TradeHistoryPage,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { decodeCursor, pageOf, TimeIdKey } from '../core/page-cursor';

/**
 * A character's ended trades, newest first (the trade history, for both sides): with
 * whom, how it ended, what went each way (a cancelled one: what was on the table).
 * Keyset paging on (closedAt, id): core/page-cursor.ts. The caller's ownership of the character is checked
 * at the API's edge (characterProcedure), as for everything done as a character.
 */
export async function tradeHistory(
  deps: Pick<GameDeps, 'db'>,
  input: TradeHistoryInput,
): Promise<TradeHistoryPage> {
  const { characterId, cursor, limit } = parseInput(TradeHistoryInputSchema, input);
  const mine: Prisma.TradeWhereInput = {
    state: { in: ['completed', 'cancelled'] },
    closedAt: { not: null },
    OR: [{ aId: characterId }, { bId: characterId }],
  };
  let after: Prisma.TradeWhereInput = {};
  if (cursor !== undefined) {
    const [ms, id] = decodeCursor(cursor, TimeIdKey);
    const at = new Date(ms);
    after = { OR: [{ closedAt: { lt: at } }, { closedAt: at, id: { lt: id } }] };
  }
  const rows = await deps.db.trade.findMany({
    where: { AND: [mine, after] },
    orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    include: {
      items: { orderBy: { position: 'asc' } },
      a: { select: { name: true } },
      b: { select: { name: true } },
    },
  });
  return pageOf(
    rows,
    limit,
    (t) => [t.closedAt!.getTime(), t.id],
    (t): TradeHistoryEntry => {
      const me = t.aId === characterId ? 'a' : 'b';
      const pick = (side: string) =>
        t.items
          .filter((i) => i.side === side)
          .map((i) => ({ templateId: i.templateId, quantity: i.quantity }));
      return {
        id: t.id,
        with: me === 'a' ? t.b.name : t.a.name,
        result: closedSet.Trade.closeReason.parse(t.closeReason ?? 'cancelled'),
        gave: pick(me),
        got: pick(me === 'a' ? 'b' : 'a'),
        gaveEddies: me === 'a' ? t.aEddies : t.bEddies,
        gotEddies: me === 'a' ? t.bEddies : t.aEddies,
        closedAt: t.closedAt!.getTime(),
      };
    },
  );
}

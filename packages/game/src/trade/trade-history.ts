import type { Prisma } from '@necp/db';
import {
  TradeHistoryInputSchema,
  type TradeHistoryEntry,
  type TradeHistoryInput,
  type TradeHistoryPage,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { tradeNotFound } from './errors';

/**
 * A character's ended trades, newest first (the trade history, for both sides): with
 * whom, how it ended, what went each way (a cancelled one: what was on the table).
 * Keyset paging on (closedAt, id). The caller's ownership of the character is checked
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
    const c = await deps.db.trade.findFirst({
      where: { AND: [mine, { id: cursor }] },
      select: { id: true, closedAt: true },
    });
    if (!c?.closedAt) throw tradeNotFound();
    after = {
      OR: [{ closedAt: { lt: c.closedAt } }, { closedAt: c.closedAt, id: { lt: c.id } }],
    };
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
  const entries = rows.slice(0, limit).map((t): TradeHistoryEntry => {
    const me = t.aId === characterId ? 'a' : 'b';
    const pick = (side: string) =>
      t.items
        .filter((i) => i.side === side)
        .map((i) => ({ templateId: i.templateId, quantity: i.quantity }));
    return {
      id: t.id,
      with: me === 'a' ? t.b.name : t.a.name,
      result: (t.closeReason ?? 'cancelled') as TradeHistoryEntry['result'],
      gave: pick(me),
      got: pick(me === 'a' ? 'b' : 'a'),
      gaveEddies: me === 'a' ? t.aEddies : t.bEddies,
      gotEddies: me === 'a' ? t.bEddies : t.aEddies,
      closedAt: t.closedAt!.getTime(),
    };
  });
  return { entries, next: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}

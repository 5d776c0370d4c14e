import {
  MARKET_BUY_LIMIT_4H,
  MARKET_BUY_WINDOW_MS,
  MarketPlaceInputSchema,
  type ItemTemplate,
  type MarketOrderView,
  type MarketPlaceInput,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { parseInput } from '../core/validation';
import { placeInBatch } from './place-batch';

/** What the buy limit of a scarce good leaves this character now (null: no limit). */
export async function buyLimitLeft(
  tx: Tx,
  characterId: string,
  template: Pick<ItemTemplate, 'id' | 'rarity'>,
  now: Date,
): Promise<{ limit: number; left: number } | null> {
  const limit = MARKET_BUY_LIMIT_4H[template.rarity];
  if (limit === undefined) return null;
  const since = new Date(now.getTime() - MARKET_BUY_WINDOW_MS);
  const [row] = await tx.$queryRaw<{ bought: number }[]>`
    SELECT COALESCE(sum("quantity"), 0)::int AS "bought" FROM "MarketOrder"
    WHERE "characterId" = ${characterId} AND "templateId" = ${template.id} AND "side" = 'buy'
      AND "placedAt" > ${since}::timestamp`;
  return { limit, left: Math.max(0, limit - (row?.bought ?? 0)) };
}

/**
 * Places an order at an Exchange terminal: the fee (a sink) is paid and what the order
 * holds is taken — a buy order's limit × quantity into escrow, a sell order's goods out of
 * the bag — then, in the same transaction, a batch of the good's matcher runs (unless
 * another writer holds the book: it takes the order), so what crosses the book trades
 * before the answer, and what the order made is collected (the goods bought go to the bag
 * if they fit, the eddies always). Placements of one good that come together go in one
 * transaction (place-batch.ts), each checked as if alone after the ones before it.
 * Refused: away from a terminal, not a good, MARKET_ORDERS_MAX open orders, an order that
 * would trade with your own, a scarce good's buy limit, goods or eddies you do not have.
 * The same idempotency key again returns the order it placed, as it stands now (nothing
 * placed, held or collected twice); the key with other terms is refused (CONFLICT).
 */
export async function placeOrder(
  deps: Pick<GameDeps, 'db' | 'clock' | 'log'>,
  input: MarketPlaceInput,
): Promise<MarketOrderView> {
  return placeInBatch(deps, parseInput(MarketPlaceInputSchema, input));
}

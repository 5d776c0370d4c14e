/**
 * Test-only helpers of the market tests (not exported from the package): traders at
 * Watson's Exchange terminal with eddies and goods, and what a book holds.
 */
import type { Db } from '@necp/db';
import type { MarketPlaceInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { give, type Player } from '../inventory/test-helpers';
import { trader } from '../auction/test-kit';
import { placeOrder } from './place-order';

export { auctionDeps as marketDeps, eddiesOf } from '../auction/test-kit';

/** A character at the Exchange terminal with `eddies` and, optionally, `goods` of a template. */
export async function marketTrader(
  db: Db,
  eddies: number,
  goods?: { templateId: string; quantity: number },
): Promise<Player> {
  const p = await trader(db, eddies);
  if (goods) await give(db, p, goods.templateId, goods.quantity);
  return p;
}

let keys = 0;
/** A fresh idempotency key (a placement's own, unless a test sends one again). */
export const newKey = () => `mk-${++keys}`;

/** A placement's terms; without a key, a fresh one (a first try). */
type Order = Omit<MarketPlaceInput, 'characterId' | 'side' | 'idempotencyKey'> & {
  idempotencyKey?: string;
};
export const sell = (deps: Pick<GameDeps, 'db' | 'clock' | 'log'>, p: Player, o: Order) =>
  placeOrder(deps, {
    ...o,
    characterId: p.characterId,
    side: 'sell',
    idempotencyKey: o.idempotencyKey ?? newKey(),
  });
export const buy = (deps: Pick<GameDeps, 'db' | 'clock' | 'log'>, p: Player, o: Order) =>
  placeOrder(deps, {
    ...o,
    characterId: p.characterId,
    side: 'buy',
    idempotencyKey: o.idempotencyKey ?? newKey(),
  });

/** Units of a template in a character's bag. */
export async function unitsInBag(db: Db, p: Player, templateId: string): Promise<number> {
  const r = await db.item.aggregate({
    where: { characterId: p.characterId, container: 'BAG', templateId },
    _sum: { quantity: true },
  });
  return r._sum.quantity ?? 0;
}

/**
 * A web node placing market orders, as a process of its own, for the market's crash
 * test (cluster/market-crash.test.ts): each placement is the real placeOrder — placements
 * of one good that come together in one transaction: the orders, a batch of the good's
 * matcher, their collects — for the traders named in MARKET_TRADERS
 * (JSON: [{ characterId, side }]), crossing prices on two goods, round after round, until
 * it is killed. It says on stdout when it has begun.
 */
import { randomUUID } from 'node:crypto';
import { createDb } from '@necp/db';
import { createLog, placeOrder, systemClock } from '@necp/game';

const db = createDb(process.env.DATABASE_URL!, { max: 4 });
const traders = JSON.parse(process.env.MARKET_TRADERS!) as {
  characterId: string;
  side: 'buy' | 'sell';
}[];
const GOODS = ['scrap_metal', 'copper_wire'];
const deps = { db, clock: systemClock, log: createLog('market-child', 'warn') };
process.stdout.write('trading\n');
for (let round = 0; ; round++) {
  await Promise.all(
    traders.map(async (t, i) => {
      const templateId = GOODS[(i + round) % GOODS.length]!;
      const price = t.side === 'sell' ? 20 + ((i + round) % 5) : 22 + ((i * 3 + round) % 5);
      try {
        await placeOrder(deps, {
          characterId: t.characterId,
          templateId,
          side: t.side,
          price,
          quantity: 2,
          // a placement of its own each time (a child started again draws new ones)
          idempotencyKey: randomUUID(),
        });
      } catch {
        // out of goods, eddies or open orders: a refusal, as a player would get
      }
    }),
  );
}

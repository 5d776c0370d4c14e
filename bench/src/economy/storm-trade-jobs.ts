/**
 * The storm's trade and craft races, each one job on characters of its own (so the
 * only refusals are the race's): a bag stack offered in a trade while its owner lists
 * it, sells it or is asked for a second trade; a crafter with the inputs of one craft
 * starting two and offering its scrap in a trade at once, then the finish racing the
 * worker's sweep.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@necp/db';
import {
  acceptTrade,
  answerTrade,
  createLog,
  finishCraft,
  finishDueCrafts,
  listItem,
  offerTrade,
  placeOrder,
  requestTrade,
  startCraft,
  type Log,
} from '@necp/game';
import { TRADE_ACCEPT_DELAY_MS } from '@necp/shared';
import { orderKey } from './listings';
import { after, at, now, type StormCtx } from './storm-tally';

export const TRADE_GOOD = 'battery_cell';
export const KNIFE = 'ws_combat_knife'; // 4 scrap_metal + 2 synth_leather, 3 s cast

/** a asks b for a trade, b says yes: the open trade's id, or null when refused */
async function openTrade(ctx: StormCtx, a: string, b: string): Promise<string | null> {
  const { db, rec } = ctx;
  const asked = await rec.call('trade request', () =>
    requestTrade(now(db), { characterId: a, targetId: b }),
  );
  if (!asked) return null;
  const open = await rec.call('trade answer', () =>
    answerTrade(now(db), { characterId: b, tradeId: asked.view.id, accept: true }),
  );
  return open ? asked.view.id : null;
}

/**
 * Both sides accept `version` at once: `a` changed last and may accept now, `b` clicks
 * once the accept delay after a's change is over (its clock a little past it).
 */
function acceptBoth(ctx: StormCtx, tradeId: string, version: number, a: string, b: string) {
  const { db, rec } = ctx;
  const later = Date.now() + TRADE_ACCEPT_DELAY_MS + 1_000;
  return Promise.all([
    rec.call('trade accept', () => acceptTrade(now(db), { characterId: a, tradeId, version })),
    rec.call('trade accept', () =>
      acceptTrade(at(db, later), { characterId: b, tradeId, version }),
    ),
  ]);
}

/** The stack's other way out, at the same moment: the auction, the market, a second trade. */
function rivalOf(
  ctx: StormCtx,
  rival: 'listed' | 'sold' | 'second trade',
  o: { a: string; c: string; stackId: string; quantity: number },
): Promise<unknown> {
  const { db, rec } = ctx;
  if (rival === 'listed')
    return rec.call('stack listed', () =>
      listItem(now(db), {
        characterId: o.a,
        idempotencyKey: randomUUID(),
        itemId: o.stackId,
        startBid: 50,
        durationH: 12,
      }),
    );
  if (rival === 'sold')
    return rec.call('stack sold', () =>
      placeOrder(now(db), {
        characterId: o.a,
        templateId: TRADE_GOOD,
        side: 'sell',
        price: 30,
        quantity: o.quantity,
        idempotencyKey: orderKey(),
      }),
    );
  // one trade at a time: asking someone already trading is refused
  return rec.call('second trade', () => requestTrade(now(db), { characterId: o.c, targetId: o.a }));
}

/** The stack's ids and quantity: the one bag stack of `templateId` the character was given. */
export async function stackOf(db: Db, characterId: string, templateId: string) {
  return db.item.findFirstOrThrow({
    where: { characterId, templateId, container: 'BAG' },
    select: { id: true, quantity: true },
  });
}

/**
 * One trade race. `a` (at the Exchange, one stack of TRADE_GOOD) and `b` (eddies) open
 * a trade, b offers eddies; then either a's offer of the stack races its listing, its
 * sale or c asking a for a trade ('offer'), or the offer is in and both accepts race
 * the listing or the sale ('accept').
 */
export async function tradeRace(
  ctx: StormCtx,
  o: {
    a: string;
    b: string;
    c: string;
    race: 'offer' | 'accept';
    rival: 'listed' | 'sold' | 'second trade';
    /** ms before the offer and before the rival */
    jitter: readonly number[];
  },
): Promise<void> {
  const { db, rec } = ctx;
  const stack = await stackOf(db, o.a, TRADE_GOOD);
  const tradeId = await openTrade(ctx, o.a, o.b);
  if (!tradeId) return;
  await rec.call('trade offer', () =>
    offerTrade(now(db), { characterId: o.b, tradeId, items: [], eddies: 40 }),
  );
  const offer = (ms = 0) =>
    after(ms, () =>
      rec.call('stack offered', () =>
        offerTrade(now(db), { characterId: o.a, tradeId, items: [stack.id], eddies: 0 }),
      ),
    );
  const rival = () =>
    after(o.jitter[1]!, () =>
      rivalOf(ctx, o.rival, { ...o, stackId: stack.id, quantity: stack.quantity }),
    );
  let offered, rivalled;
  if (o.race === 'offer') {
    [offered, rivalled] = await Promise.all([offer(o.jitter[0]), rival()]);
    if (offered) await acceptBoth(ctx, tradeId, offered.view.version, o.a, o.b);
  } else {
    offered = await offer();
    if (!offered) return;
    [, rivalled] = await Promise.all([
      acceptBoth(ctx, tradeId, offered.view.version, o.a, o.b),
      rival(),
    ]);
  }
  if (rivalled && o.rival === 'second trade') ctx.tally.secondTrades++;
  ctx.tally.trades.push({
    tradeId,
    a: o.a,
    b: o.b,
    stackId: stack.id,
    rival: o.rival,
    race: o.race,
    offerOk: !!offered,
    rivalOk: !!rivalled,
  });
}

/**
 * The worker's craft sweep, its errors caught: finishDueCrafts logs a craft it failed
 * to finish and goes on (the next sweep retries), so the bench gives it a logger that
 * keeps them and fails the call with the first one.
 */
async function sweepCrafts(db: Db, ms: number): Promise<number> {
  const errors: unknown[] = [];
  const base = createLog('economy-storm', 'silent');
  const log = new Proxy(base, {
    get: (t, k) =>
      k === 'error'
        ? (obj: { err?: unknown }) => void errors.push(obj?.err ?? obj)
        : Reflect.get(t, k),
  }) as Log;
  const done = await finishDueCrafts({ ...at(db, ms), log });
  if (errors.length > 0) throw errors[0];
  return done;
}

/**
 * One craft race: the crafter (at Watson's workbench, the inputs of ONE knife) opens a
 * trade with its partner; then two starts (different idempotency keys) and the offer
 * of its scrap stack go at once — at most one of them may hold the scrap. A started
 * craft's finish then races the worker's sweep (both a second past the cast); an offer
 * that got the scrap is accepted by both sides.
 */
export async function craftRace(
  ctx: StormCtx,
  o: {
    crafter: string;
    partner: string;
    keys: [string, string];
    /** ms before each start and before the offer */
    jitter: readonly number[];
  },
): Promise<void> {
  const { db, rec } = ctx;
  const scrap = await stackOf(db, o.crafter, 'scrap_metal');
  const tradeId = await openTrade(ctx, o.crafter, o.partner);
  const start = (idempotencyKey: string, ms: number) =>
    after(ms, () =>
      rec.call('craft start', () =>
        startCraft(now(db), { characterId: o.crafter, recipeId: KNIFE, idempotencyKey }),
      ),
    );
  const [s1, s2, offered] = await Promise.all([
    start(o.keys[0], o.jitter[0]!),
    start(o.keys[1], o.jitter[1]!),
    tradeId
      ? after(o.jitter[2]!, () =>
          rec.call('inputs offered', () =>
            offerTrade(now(db), {
              characterId: o.crafter,
              tradeId,
              items: [scrap.id],
              eddies: 0,
            }),
          ),
        )
      : Promise.resolve(undefined),
  ]);
  const started = [...new Map([s1, s2].filter((v) => !!v).map((v) => [v.id, v])).values()];
  await Promise.all(
    started.map((v) => {
      const past = v.completesAt + 1_000;
      return Promise.all([
        rec.call('craft finish', () =>
          finishCraft(at(db, past), { characterId: o.crafter, craftId: v.id }),
        ),
        rec.call('craft sweep', () => sweepCrafts(db, past)),
      ]);
    }),
  );
  if (offered && tradeId)
    await acceptBoth(ctx, tradeId, offered.view.version, o.crafter, o.partner);
  ctx.tally.crafts.push({
    crafter: o.crafter,
    partner: o.partner,
    tradeId,
    scrapId: scrap.id,
    started: started.map((v) => v.id),
    offerOk: !!offered,
  });
}

// Face-to-face trade against the real database: offers held in place, versions and
// accepts, the completion that swaps stacks and eddies with the ledger, refusals, idle
// expiry, and accepts racing each other — conserved throughout (checkInvariants).
import { afterAll, describe, expect, it } from 'vitest';
import { TRADE_ACCEPT_DELAY_MS, TRADE_IDLE_MS, TRADE_REQUEST_MS } from '@necp/shared';
import {
  expectDomainError,
  expectEveryTransactionDirect,
  testDb,
  testDeps,
} from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { equipItem } from '../inventory/equip-item';
import { moveItem } from '../inventory/move-item';
import { expectBalanced, give, newPlayer, type Player } from '../inventory/test-helpers';
import { recordCurrency } from '../ledger/record-currency';
import {
  acceptTrade,
  answerTrade,
  cancelTrade,
  cancelTradeOf,
  expireTrades,
  offerTrade,
  requestTrade,
} from '.';

const db = testDb(6);
// years ahead of the wall clock: the real worker of other suites on the shared database
// sweeps trades idle by the wall clock, and would end this file's open ones
const deps = testDeps(db, { clock: new FakeClock(Date.UTC(2032, 0, 1)) });
afterAll(() => db.$disconnect());
// trades, orders, bids: raw statements straight on the connection, none through Prisma
expectEveryTransactionDirect();

async function withEddies(p: Player, eddies: number) {
  await db.$transaction((tx) =>
    recordCurrency(tx, { reason: 'admin', characterId: p.characterId, delta: eddies }),
  );
}
const bag = async (p: Player) =>
  (
    await db.item.findMany({
      where: { characterId: p.characterId, container: 'BAG' },
      orderBy: { slot: 'asc' },
    })
  ).map((i) => ({ id: i.id, slot: i.slot, held: i.reservation }));
const eddiesOf = async (p: Player) =>
  (await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).eddies;
/** a asks b, b says yes: the trade's view (a's) */
async function openTrade(ids: { aId: string; bId: string }) {
  const asked = await requestTrade(deps, { characterId: ids.aId, targetId: ids.bId });
  await answerTrade(deps, { characterId: ids.bId, tradeId: asked.view.id, accept: true });
  return { ...asked.view, state: 'open' };
}
/** past the accept delay after the other side's change */
const later = () => deps.clock.advance(TRADE_ACCEPT_DELAY_MS);

describe('face-to-face trade', () => {
  it('swaps the offered stacks and eddies in one go, with the ledger, once both accept', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    await withEddies(a, 500);
    const pistol = await give(db, a, 'pistol_unity');
    const stims = await give(db, a, 'stim_basic', 4);
    const armor = await give(db, b, 'jacket_kevlar');
    const t = await openTrade({ aId: a.characterId, bId: b.characterId });
    expect(t.state).toBe('open');
    let v = (
      await offerTrade(deps, {
        ...a.ref,
        tradeId: t.id,
        items: [pistol, stims],
        eddies: 120,
      })
    ).view;
    expect(v.a.items.map((i) => [i.itemId, i.quantity])).toEqual([
      [pistol, 1],
      [stims, 4],
    ]);
    // held in place
    expect((await bag(a)).every((i) => i.held === `trade:${t.id}`)).toBe(true);
    v = (await offerTrade(deps, { ...b.ref, tradeId: t.id, items: [armor], eddies: 0 })).view;
    later();
    await acceptTrade(deps, { ...a.ref, tradeId: t.id, version: v.version });
    const done = (await acceptTrade(deps, { ...b.ref, tradeId: t.id, version: v.version })).view;
    expect(done.state).toBe('completed');
    expect(done.closeReason).toBe('completed');
    expect((await bag(b)).map((i) => i.id).sort()).toEqual([pistol, stims].sort());
    expect((await bag(a)).map((i) => i.id)).toEqual([armor]);
    expect((await bag(a)).concat(await bag(b)).every((i) => i.held === null)).toBe(true);
    expect(await eddiesOf(a)).toBe(380);
    expect(await eddiesOf(b)).toBe(120);
    const rows = await db.ledgerEntry.findMany({ where: { ref: t.id, reason: 'trade' } });
    expect(rows.filter((r) => r.itemId !== null)).toHaveLength(3);
    expect(
      rows
        .filter((r) => r.characterId !== null)
        .map((r) => r.eddiesDelta)
        .sort(),
    ).toEqual([-120, 120]);
    // a second accept (a double click, a retry) returns the trade as it ended
    expect(
      (await acceptTrade(deps, { ...a.ref, tradeId: t.id, version: v.version })).view.state,
    ).toBe('completed');
    await expectBalanced(db, [a, b]);
  });

  it('any change clears both accepts; a stale version or an accept too soon is refused', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    const x = await give(db, a, 'stim_basic', 2);
    const y = await give(db, a, 'pistol_unity');
    const t = await openTrade({ aId: a.characterId, bId: b.characterId });
    const v1 = (await offerTrade(deps, { ...a.ref, tradeId: t.id, items: [y], eddies: 0 })).view;
    // b sees a's change: accepting at once is refused, after the delay it is taken
    expect(v1.acceptableAt).toBe(0); // a's own view: its own change does not hold it back
    await expectDomainError(
      acceptTrade(deps, { ...b.ref, tradeId: t.id, version: v1.version }),
      'INVALID_STATE',
    );
    later();
    const acc = (await acceptTrade(deps, { ...b.ref, tradeId: t.id, version: v1.version })).view;
    expect(acc.b.accepted).toBe(true);
    // a swaps its pistol for stims at the last second: b's accept is gone, the old version stale
    const v2 = (await offerTrade(deps, { ...a.ref, tradeId: t.id, items: [x], eddies: 0 })).view;
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.b.accepted).toBe(false);
    later();
    await expectDomainError(
      acceptTrade(deps, { ...b.ref, tradeId: t.id, version: v1.version }),
      'CONFLICT',
      'The offer changed: look at it again before you accept.',
    );
    // the pistol taken out of the offer is free again, the stims are held
    const held = Object.fromEntries((await bag(a)).map((i) => [i.id, i.held]));
    expect(held[y]).toBeNull();
    expect(held[x]).toBe(`trade:${t.id}`);
    // the same offer again changes nothing
    expect(
      (await offerTrade(deps, { ...a.ref, tradeId: t.id, items: [x], eddies: 0 })).view.version,
    ).toBe(v2.version);
    await cancelTrade(deps, { ...b.ref, tradeId: t.id });
    await expectBalanced(db, [a, b]);
  });

  it('holds offered items: other paths are refused until the trade is cancelled', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    const pistol = await give(db, a, 'pistol_unity');
    const t = await openTrade({ aId: a.characterId, bId: b.characterId });
    await offerTrade(deps, { ...a.ref, tradeId: t.id, items: [pistol], eddies: 0 });
    await expectDomainError(
      moveItem(deps, { ...a.ref, itemId: pistol, toSlot: 10 }),
      'INVALID_STATE',
    );
    await expectDomainError(equipItem(deps, { ...a.ref, itemId: pistol }), 'INVALID_STATE');
    const c = (await cancelTrade(deps, { ...a.ref, tradeId: t.id })).view;
    expect([c.state, c.closeReason]).toEqual(['cancelled', 'cancelled']);
    // cancelling twice changes nothing
    expect((await cancelTrade(deps, { ...b.ref, tradeId: t.id })).view.closeReason).toBe(
      'cancelled',
    );
    await moveItem(deps, { ...a.ref, itemId: pistol, toSlot: 10 });
    await expectBalanced(db, [a, b]);
  });

  it('refuses what cannot be offered, strangers, the blocked and the busy', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    const stranger = await newPlayer(db);
    const pistol = await give(db, a, 'pistol_unity');
    const theirs = await give(db, b, 'pistol_unity');
    const t = await openTrade({ aId: a.characterId, bId: b.characterId });
    // someone else's item: as if it did not exist
    await expectDomainError(
      offerTrade(deps, { ...a.ref, tradeId: t.id, items: [theirs], eddies: 0 }),
      'NOT_FOUND',
    );
    await expectDomainError(
      offerTrade(deps, { ...a.ref, tradeId: t.id, items: [], eddies: 1 }),
      'INVALID_STATE',
      'Not enough eddies',
    );
    await equipItem(deps, { ...a.ref, itemId: pistol });
    await expectDomainError(
      offerTrade(deps, { ...a.ref, tradeId: t.id, items: [pistol], eddies: 0 }),
      'INVALID_STATE',
      'Only items in your bag can be offered.',
    );
    // a stranger to the trade cannot see it, nor act on it
    await expectDomainError(
      offerTrade(deps, { ...stranger.ref, tradeId: t.id, items: [], eddies: 0 }),
      'NOT_FOUND',
    );
    await expectDomainError(cancelTrade(deps, { ...stranger.ref, tradeId: t.id }), 'NOT_FOUND');
    // one open trade at a time
    await expectDomainError(
      openTrade({ aId: stranger.characterId, bId: b.characterId }),
      'INVALID_STATE',
    );
    await cancelTrade(deps, { ...a.ref, tradeId: t.id });
    // a block either way
    await db.characterBlock.create({
      data: { blockerId: b.characterId, blockedId: a.characterId },
    });
    await expectDomainError(openTrade({ aId: a.characterId, bId: b.characterId }), 'FORBIDDEN');
    await expectDomainError(openTrade({ aId: b.characterId, bId: a.characterId }), 'FORBIDDEN');
    // bad input: refused before anything is read
    await expectDomainError(openTrade({ aId: a.characterId, bId: a.characterId }), 'VALIDATION');
    await expectDomainError(
      offerTrade(deps, { ...a.ref, tradeId: t.id, items: [pistol, pistol], eddies: 0 }),
      'VALIDATION',
    );
  });

  it('no room: the completing accept is refused whole; room made by the offer itself counts', async () => {
    const a = await newPlayer(db, { bagSlots: 2 });
    const b = await newPlayer(db);
    await give(db, a, 'pistol_unity');
    const second = await give(db, a, 'pistol_unity');
    const s1 = await give(db, b, 'stim_basic', 1);
    const s2 = await give(db, b, 'pistol_unity');
    const t = await openTrade({ aId: a.characterId, bId: b.characterId });
    let v = (await offerTrade(deps, { ...b.ref, tradeId: t.id, items: [s1, s2], eddies: 0 })).view;
    later();
    await acceptTrade(deps, { ...a.ref, tradeId: t.id, version: v.version });
    await expectDomainError(
      acceptTrade(deps, { ...b.ref, tradeId: t.id, version: v.version }),
      'INVALID_STATE',
    );
    // nothing moved, and b's accept was not kept
    expect((await bag(b)).map((i) => i.id).sort()).toEqual([s1, s2].sort());
    // a offers one of its two: one slot frees, still one short
    v = (await offerTrade(deps, { ...a.ref, tradeId: t.id, items: [second], eddies: 0 })).view;
    later();
    await acceptTrade(deps, { ...b.ref, tradeId: t.id, version: v.version });
    await expectDomainError(
      acceptTrade(deps, { ...a.ref, tradeId: t.id, version: v.version }),
      'INVALID_STATE',
    );
    // b takes one stack back: the freed slot is enough
    v = (await offerTrade(deps, { ...b.ref, tradeId: t.id, items: [s1], eddies: 0 })).view;
    later();
    await acceptTrade(deps, { ...a.ref, tradeId: t.id, version: v.version });
    expect(
      (await acceptTrade(deps, { ...b.ref, tradeId: t.id, version: v.version })).view.state,
    ).toBe('completed');
    expect((await bag(a)).map((i) => i.id).sort()).toContain(s1);
    await expectBalanced(db, [a, b]);
  });

  it('two accepts at once complete it exactly once', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    await withEddies(b, 300);
    const pistol = await give(db, a, 'pistol_unity');
    const t = await openTrade({ aId: a.characterId, bId: b.characterId });
    await offerTrade(deps, { ...a.ref, tradeId: t.id, items: [pistol], eddies: 0 });
    const v = (await offerTrade(deps, { ...b.ref, tradeId: t.id, items: [], eddies: 300 })).view;
    later();
    const results = await Promise.allSettled(
      [a, b, a, b].map((p) => acceptTrade(deps, { ...p.ref, tradeId: t.id, version: v.version })),
    );
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(await eddiesOf(a)).toBe(300);
    expect(await eddiesOf(b)).toBe(0);
    expect(await db.ledgerEntry.count({ where: { ref: t.id, itemId: pistol } })).toBe(1);
    await expectBalanced(db, [a, b]);
  });

  it('a request: the asked side hears it, answers yes or no; it lapses unanswered', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    const asked = await requestTrade(deps, { characterId: a.characterId, targetId: b.characterId });
    expect(asked.view.state).toBe('requested');
    const [heard] = asked.pushes;
    expect(heard?.kind === 'emit' && heard.event === 'trade:requested' ? heard.to : null).toEqual({
      characters: [b.characterId],
    });
    // the asker cannot answer its own request; nobody can offer into an unanswered one
    await expectDomainError(
      answerTrade(deps, { characterId: a.characterId, tradeId: asked.view.id, accept: true }),
      'NOT_FOUND',
    );
    await expectDomainError(
      offerTrade(deps, { ...a.ref, tradeId: asked.view.id, items: [], eddies: 0 }),
      'INVALID_STATE',
    );
    // asking again while one is pending: refused
    await expectDomainError(
      requestTrade(deps, { characterId: b.characterId, targetId: a.characterId }),
      'INVALID_STATE',
    );
    const no = await answerTrade(deps, {
      characterId: b.characterId,
      tradeId: asked.view.id,
      accept: false,
    });
    expect([no.view.state, no.view.closeReason]).toEqual(['cancelled', 'declined']);
    // a new request lapses after TRADE_REQUEST_MS: too late to say yes, and it is swept
    const again = await requestTrade(deps, { characterId: a.characterId, targetId: b.characterId });
    deps.clock.advance(TRADE_REQUEST_MS + 1);
    await expectDomainError(
      answerTrade(deps, { characterId: b.characterId, tradeId: again.view.id, accept: true }),
      'INVALID_STATE',
    );
    expect(await expireTrades(deps)).toBeGreaterThanOrEqual(1);
    const lapsed = await db.trade.findUniqueOrThrow({ where: { id: again.view.id } });
    expect([lapsed.state, lapsed.closeReason]).toEqual(['cancelled', 'unanswered']);
    // and a lapsed request does not keep either side busy
    const t = await openTrade({ aId: b.characterId, bId: a.characterId });
    expect(t.state).toBe('open');
    await cancelTrade(deps, { ...a.ref, tradeId: t.id });
  });

  it('an idle trade is cancelled by the sweep, once; the sim cancels a leaver’s', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    const pistol = await give(db, a, 'pistol_unity');
    const t = await openTrade({ aId: a.characterId, bId: b.characterId });
    await offerTrade(deps, { ...a.ref, tradeId: t.id, items: [pistol], eddies: 0 });
    deps.clock.advance(TRADE_IDLE_MS + 1);
    expect(await expireTrades(deps)).toBeGreaterThanOrEqual(1);
    expect(await expireTrades(deps)).toBe(0);
    const ended = await db.trade.findUniqueOrThrow({ where: { id: t.id } });
    expect([ended.state, ended.closeReason]).toEqual(['cancelled', 'idle']);
    expect((await bag(a))[0]!.held).toBeNull();

    const t2 = await openTrade({ aId: b.characterId, bId: a.characterId });
    await offerTrade(deps, { ...a.ref, tradeId: t2.id, items: [pistol], eddies: 0 });
    const seen = await cancelTradeOf(deps, a.characterId, 'disconnected');
    // a is the asked side of this one; both sides hear it, each with its own view
    expect([seen?.view.state, seen?.view.closeReason, seen?.view.me]).toEqual([
      'cancelled',
      'disconnected',
      'b',
    ]);
    expect(
      seen?.pushes.map((p) =>
        p.kind === 'emit' && p.event === 'trade:update' ? [p.to, p.msg.me] : null,
      ),
    ).toEqual([
      [{ characters: [b.characterId] }, 'a'],
      [{ characters: [a.characterId] }, 'b'],
    ]);
    expect(await cancelTradeOf(deps, a.characterId, 'disconnected')).toBeNull();
    expect((await bag(a))[0]!.held).toBeNull();
    await expectBalanced(db, [a, b]);
  });
});

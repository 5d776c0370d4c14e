/**
 * Issue 29's crash test for the commodity market: a process placing crossing orders
 * (placeOrder: its transaction, then the good's matcher) for twenty traders at once,
 * killed with SIGKILL while it trades. Whatever the kill caught, every order is whole —
 * placed with its escrow or goods, matched by whole batches (fills, goods, eddies,
 * ledger rows and journal lines together) — the ledger balances and the journal replays
 * to the database's fills and book. The worker's job then matches what was left waiting.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkInvariants,
  grantItem,
  matchWaitingBooks,
  readJournal,
  recordCurrency,
  systemClock,
} from '@necp/game';
import { replayJournal, zoneById } from '@necp/shared';
import { ownDatabase } from '../testing/own-database';
import { createPlayerAt } from '../testing/test-sim';

const simDir = fileURLToPath(new URL('../..', import.meta.url));
const terminal = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'auction_terminal')!;
const GOODS = ['scrap_metal', 'copper_wire'];

const own = ownDatabase('market_crash');

/** The journal replayed gives each good's fills and open orders as the database has them. */
async function expectJournalAgrees() {
  for (const templateId of GOODS) {
    const journal = await readJournal({ db: own.db }, templateId);
    const { book, fills } = replayJournal(journal);
    const recorded = await own.db.marketFill.findMany({
      where: { templateId },
      orderBy: { seq: 'asc' },
    });
    expect(fills.map((f) => [f.buyId, f.sellId, f.price, f.quantity])).toEqual(
      recorded.map((f) => [f.buyOrderId, f.sellOrderId, f.price, f.quantity]),
    );
    const open = await own.db.marketOrder.findMany({
      where: { templateId, state: 'open', booked: true },
    });
    expect([...book.bids, ...book.asks].map((o) => [o.id, o.remaining]).sort()).toEqual(
      open.map((o) => [o.id, o.remaining]).sort(),
    );
  }
}

describe('the market killed mid-trade', () => {
  it('leaves every order whole and the journal true; the worker matches what waited', async () => {
    const traders: { characterId: string; side: 'buy' | 'sell' }[] = [];
    for (let i = 0; i < 20; i++) {
      const p = await createPlayerAt(own.db, terminal.x + 1, terminal.y + 1);
      const side = i % 2 === 0 ? 'sell' : 'buy';
      await own.db.$transaction((tx) =>
        recordCurrency(tx, { reason: 'admin', characterId: p.characterId, delta: 20_000 }),
      );
      if (side === 'sell')
        for (const templateId of GOODS)
          await grantItem(
            { db: own.db },
            { characterId: p.characterId, templateId, quantity: 99, reason: 'admin' },
          );
      traders.push({ characterId: p.characterId, side });
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/market-child.ts'], {
      cwd: simDir,
      env: {
        ...process.env,
        DATABASE_URL: own.url,
        MARKET_TRADERS: JSON.stringify(traders),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    // let it trade a while, then kill it wherever it is
    for (let i = 0; i < 600; i++) {
      if ((await own.db.marketFill.count()) >= 30) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await exited;

    expect(await own.db.marketFill.count()).toBeGreaterThanOrEqual(30);
    expect(await checkInvariants(own.db)).toEqual([]);
    await expectJournalAgrees();

    // the worker's minute job: whatever was placed and never matched trades now, once
    await matchWaitingBooks({ db: own.db, clock: systemClock });
    expect(await own.db.marketOrder.count({ where: { state: 'open', booked: false } })).toBe(0);
    expect(await checkInvariants(own.db)).toEqual([]);
    await expectJournalAgrees();
    // matched out: no book is left crossed
    for (const templateId of GOODS) {
      const open = await own.db.marketOrder.findMany({ where: { templateId, state: 'open' } });
      const bid = Math.max(0, ...open.filter((o) => o.side === 'buy').map((o) => o.price));
      const ask = Math.min(1e9, ...open.filter((o) => o.side === 'sell').map((o) => o.price));
      expect(bid).toBeLessThan(ask);
    }
  }, 120_000);
});

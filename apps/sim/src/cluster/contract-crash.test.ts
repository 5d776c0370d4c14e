/**
 * Issue 29's crash test for player contracts: a process posting, taking, delivering,
 * confirming and abandoning contracts for twelve pairs at once, killed with SIGKILL
 * mid-settlement. Whatever the kill caught, every contract is whole — its escrow what
 * its state says (the CHECK), the items it holds only while it runs — and the ledger
 * balances; the worker's timeouts then end everything left running, once.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FakeClock,
  checkInvariants,
  grantItem,
  recordCurrency,
  runContractTimeouts,
} from '@necp/game';
import { ownDatabase } from '../testing/own-database';
import { createPlayerAt } from '../testing/test-sim';

const simDir = fileURLToPath(new URL('../..', import.meta.url));

const own = ownDatabase('contract_crash');

/** No settled contract holds escrow or items; a running one holds what its state says. */
async function expectWhole() {
  const held = await own.db.$queryRaw<{ n: bigint }[]>`
    SELECT COUNT(*) AS n FROM "ContractItem" ci JOIN "Contract" c ON c."id" = ci."contractId"
    WHERE ci."role" = 'delivery' AND c."state" NOT IN ('delivered', 'disputed')`;
  expect(Number(held[0]!.n)).toBe(0);
  const delivered = await own.db.contract.findMany({
    where: { state: 'delivered' },
    include: { items: true },
  });
  for (const c of delivered) expect(c.items.filter((i) => i.role === 'delivery')).toHaveLength(1);
  expect(await checkInvariants(own.db)).toEqual([]);
}

describe('contracts killed mid-settlement', () => {
  it('leave every contract whole and the ledger balanced; the worker ends the rest once', async () => {
    const pairs: { poster: string; taker: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const poster = await createPlayerAt(own.db, 100, 100);
      const taker = await createPlayerAt(own.db, 100, 100);
      await own.db.$transaction(async (tx) => {
        await recordCurrency(tx, {
          reason: 'admin',
          characterId: poster.characterId,
          delta: 50_000,
        });
        await recordCurrency(tx, { reason: 'admin', characterId: taker.characterId, delta: 5_000 });
      });
      await grantItem(
        { db: own.db },
        {
          characterId: taker.characterId,
          templateId: 'scrap_metal',
          quantity: 99,
          reason: 'admin',
        },
      );
      pairs.push({ poster: poster.characterId, taker: taker.characterId });
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/testing/contract-child.ts'], {
      cwd: simDir,
      env: {
        ...process.env,
        DATABASE_URL: own.url,
        CONTRACT_PAIRS: JSON.stringify(pairs),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    for (let i = 0; i < 800; i++) {
      if (
        (await own.db.contract.count({ where: { state: { in: ['confirmed', 'failed'] } } })) >= 40
      )
        break;
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGKILL');
    await exited;

    expect(
      await own.db.contract.count({ where: { state: { in: ['confirmed', 'failed'] } } }),
    ).toBeGreaterThanOrEqual(40);
    await expectWhole();

    // a week on, the worker ends whatever the kill left running — twice changes nothing more
    const later = { db: own.db, clock: new FakeClock(Date.now() + 8 * 24 * 3_600_000) };
    await runContractTimeouts(later);
    expect(await runContractTimeouts(later)).toEqual({ expired: 0, failed: 0, released: 0 });
    expect(
      await own.db.contract.count({
        where: { state: { in: ['posted', 'accepted', 'delivered'] } },
      }),
    ).toBe(0);
    expect(await own.db.contractItem.count()).toBe(0);
    await expectWhole();
  }, 120_000);
});

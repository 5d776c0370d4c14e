/**
 * Test-only helpers of the auction tests (not exported from the package): sellers and
 * bidders standing at Watson's auction terminal, eddies, and what the mail brought.
 */
import type { Db } from '@necp/db';
import { uniq } from '@necp/db/testing';
import { zoneById } from '@necp/shared';
import { FakeClock } from '../core/clock';
import { inTransaction } from '../core/transaction';
import { testDeps } from '../accounts/test-deps';
import { recordCurrency } from '../ledger/record-currency';
import { newPlayer, type Player } from '../inventory/test-helpers';

const terminal = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'auction_terminal')!;
/** beside Watson's auction terminal */
export const AT_AUCTION = { x: terminal.x + 1, y: terminal.y + 1 };

/**
 * Deps on a clock years ahead of the wall clock, a year of its own per test file: the
 * real worker of other suites on the shared database (its minute sweep settles what is
 * due by the wall clock) never reaches a listing these tests made, nor does another
 * file's sweep.
 */
export const auctionDeps = (db: Db, year: number) =>
  testDeps(db, { clock: new FakeClock(Date.UTC(year, 0, 1)) });

export async function trader(db: Db, eddies = 0, at = AT_AUCTION): Promise<Player> {
  const p = await newPlayer(db, { at });
  if (eddies > 0)
    await inTransaction(db, (tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: p.characterId, delta: eddies }),
    );
  return p;
}

/** A listing's caller: the seller's ref and a fresh idempotency key (each a first try). */
export const asSeller = (p: Player) => ({ ...p.ref, idempotencyKey: uniq('list-') });

export const eddiesOf = async (db: Db, p: Player) =>
  (await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).eddies;

/** The auction mails a character got: subject, eddies, attached item ids. */
export async function auctionMail(db: Db, p: Player) {
  const mails = await db.mail.findMany({
    where: { toId: p.characterId, fromName: 'Reef Exchange' },
    include: { attachments: true },
    // mails of one settlement share their time: the subject keeps the order stable
    orderBy: [{ sentAt: 'asc' }, { subject: 'asc' }],
  });
  return mails.map((m) => ({
    subject: m.subject,
    eddies: m.eddies,
    items: m.attachments.map((a) => a.itemId),
  }));
}

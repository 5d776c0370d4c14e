/**
 * Test-only helpers for the vendor tests (not exported from the package). Limited
 * stock is shared by every player of the database, so each test trades on a UTC
 * day of its own (far from the days other suites use), and standings are set
 * through the reputation domain.
 */
import { expect } from 'vitest';
import { contactById, dailyPeriodKey, standingWith } from '@necp/shared';
import type { Db, GameDeps } from '../core/deps';
import type { FakeClock } from '../core/clock';
import { inTransaction } from '../core/transaction';
import { getInventory } from '../inventory/get-inventory';
import { changeReputationTx } from '../reputation/change-reputation';
import { readStandings } from '../reputation/read-standings';
import { newPlayer, type Player } from '../inventory/test-helpers';
import { fund } from '../progression/test-helpers';

const DAY_MS = 86_400_000;

/** Next to a contact (2 m east of it, in its zone). */
export function nextTo(contactId: string) {
  const c = contactById(contactId);
  if (!c) throw new Error(`no contact ${contactId}`);
  return { zoneId: c.zoneId, x: c.x + 2, y: c.y };
}

export const moveTo = (db: Db, p: Player, at: { zoneId?: string; x: number; y: number }) =>
  db.character.update({ where: { id: p.characterId }, data: at });

/** Trades with Viktor Vektor (his clinic). */
export const VIK = { contactId: 'vik' } as const;

/** The helpers of the trade tests on a test file's database client and deps. */
export function vikKit(db: Db, deps: GameDeps) {
  const eddiesOf = async (characterId: string) =>
    (await db.character.findUniqueOrThrow({ where: { id: characterId } })).eddies;
  const bagOf = async (ref: { userId: string; characterId: string }) =>
    (await getInventory(deps, ref)).bag.map((i) => [i.slot, i.templateId, i.quantity]);

  /** A new character next to Vik, with `eddies`. */
  async function atVik(o: Parameters<typeof newPlayer>[1] = {}, eddies = 0) {
    const p = await newPlayer(db, o);
    await moveTo(db, p, nextTo('vik'));
    if (eddies > 0) await fund(db, p.characterId, eddies);
    return p;
  }

  return { eddiesOf, bagOf, atVik };
}

/**
 * A day generator: each call gives noon of a fresh UTC day in `year` (one year per
 * test file, so files never share a day's stock).
 */
export function daysOf(year: number) {
  let n = 0;
  return (clock: FakeClock) => {
    const noon = Date.UTC(year, 0, 1) + n++ * DAY_MS + DAY_MS / 2;
    clock.set(noon);
    return noon;
  };
}

/** Sets a character's standing with a faction (through changeReputationTx). */
export async function setStanding(db: Db, p: Player, factionId: string, standing: number) {
  await inTransaction(db, async (tx) => {
    const now = standingWith(await readStandings(tx, p.characterId), factionId);
    await changeReputationTx(tx, {
      characterId: p.characterId,
      changes: [{ factionId, delta: standing - now }],
      reason: 'admin',
    });
  });
}

/**
 * Everything a refused trade must leave as it was: eddies, every item row of the
 * character (bag, equipment, buy-back), its buy-back entries, its ledger rows and
 * the vendor stock of the day.
 */
export async function tradeState(db: Db, p: Player, day: Date) {
  const [character, items, shelf, ledger, stock] = await Promise.all([
    db.character.findUniqueOrThrow({ where: { id: p.characterId }, select: { eddies: true } }),
    db.item.findMany({
      where: { characterId: p.characterId },
      select: { id: true, container: true, slot: true, quantity: true, templateId: true },
      orderBy: { id: 'asc' },
    }),
    db.vendorBuyback.findMany({
      where: { characterId: p.characterId },
      orderBy: { itemId: 'asc' },
    }),
    db.ledgerEntry.count({
      where: {
        OR: [
          { characterId: p.characterId },
          { fromOwner: { endsWith: p.characterId } },
          { toOwner: { endsWith: p.characterId } },
        ],
      },
    }),
    db.vendorStock.findMany({
      where: { periodKey: dailyPeriodKey(day) },
      orderBy: [{ vendorId: 'asc' }, { templateId: 'asc' }],
    }),
  ]);
  return { eddies: character.eddies, items, shelf, ledger, stock };
}

/** Runs `refusal` (which must reject: expectDomainError) and checks it changed nothing. */
export async function expectUnchanged(
  db: Db,
  p: Player,
  clock: FakeClock,
  refusal: () => Promise<unknown>,
) {
  const before = await tradeState(db, p, clock.now());
  await refusal();
  expect(await tradeState(db, p, clock.now())).toEqual(before);
}

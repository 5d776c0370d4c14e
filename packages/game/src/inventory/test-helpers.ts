/**
 * Test-only helpers for the inventory, bank and ledger tests (not exported from
 * the package): characters set up for a scenario, grants through the domain, and
 * conservation checks scoped to the test's own rows (other suites share the DB).
 */
import { expect } from 'vitest';
import { Prisma, itemTemplateRow, type Db } from '@necp/db';
import { createTestCharacter, createTestUser, uniq } from '@necp/db/testing';
import { itemTemplateById, type ItemTemplate, type ItemTemplateInput } from '@necp/shared';
import { inTransaction } from '../core/transaction';
import { checkInvariants } from '../ledger/check-invariants';
import { grantItem } from './grant-item';

/** Stands next to Watson's bank terminal (280, 240). */
export const AT_BANK = { x: 281, y: 242 } as const;

export interface Player {
  userId: string;
  characterId: string;
  ref: { userId: string; characterId: string };
}

export async function newPlayer(
  db: Db,
  o: {
    level?: number;
    class?: string;
    bagSlots?: number;
    atBank?: boolean;
    /** where in Watson it stands (atBank: at the bank terminal) */
    at?: { x: number; y: number };
  } = {},
): Promise<Player> {
  const u = await createTestUser(db);
  const c = await createTestCharacter(db, u.id, o.at ?? (o.atBank ? AT_BANK : {}));
  if (o.level || o.class || o.bagSlots !== undefined)
    await db.character.update({
      where: { id: c.id },
      data: {
        ...(o.level ? { level: o.level } : {}),
        ...(o.class ? { class: o.class } : {}),
        ...(o.bagSlots !== undefined ? { bagSlots: o.bagSlots } : {}),
      },
    });
  return { userId: u.id, characterId: c.id, ref: { userId: u.id, characterId: c.id } };
}

/** Another character on the same account. */
export async function secondCharacter(
  db: Db,
  p: Player,
  o: { atBank?: boolean } = {},
): Promise<Player> {
  const c = await createTestCharacter(db, p.userId, o.atBank ? AT_BANK : {});
  return { userId: p.userId, characterId: c.id, ref: { userId: p.userId, characterId: c.id } };
}

/** Items through the domain (ledger source `admin`); returns the first placement's item id. */
export async function give(db: Db, p: Player, templateId: string, quantity = 1): Promise<string> {
  const placed = await grantItem(
    { db },
    { characterId: p.characterId, templateId, quantity, reason: 'admin' },
  );
  return placed[0]!.itemId;
}

/** What the player's character(s) and account hold, per template. */
export async function holdings(
  db: Db,
  players: readonly Player[],
): Promise<Record<string, number>> {
  const rows = await db.item.groupBy({
    by: ['templateId'],
    where: {
      OR: [
        { characterId: { in: players.map((p) => p.characterId) } },
        { userId: { in: players.map((p) => p.userId) } },
      ],
    },
    _sum: { quantity: true },
  });
  return Object.fromEntries(rows.map((r) => [r.templateId, r._sum.quantity ?? 0]));
}

export async function expectBalanced(db: Db, players: readonly Player[]): Promise<void> {
  const diffs = await checkInvariants(db, {
    characterIds: players.map((p) => p.characterId),
    userIds: players.map((p) => p.userId),
  });
  expect(diffs).toEqual([]);
}

export const ledgerRows = (db: Db, itemId: string) =>
  db.ledgerEntry.findMany({ where: { itemId }, orderBy: { id: 'asc' } });

/**
 * A template only this test uses (for rules the content has no example of yet).
 * Created together with a parked item so the content seed, which other suites run
 * on the shared database, never deletes it as unreferenced.
 */
export async function testTemplate(
  db: Db,
  base: string,
  over: Partial<ItemTemplateInput>,
): Promise<ItemTemplate> {
  const from = itemTemplateById(base);
  if (!from) throw new Error(`no content template ${base}`);
  const t = { ...from, ...over, id: uniq('test_').replace(/[^a-z0-9_]/g, '') } as ItemTemplate;
  const parking = await createTestUser(db);
  await db.$transaction(async (tx) => {
    await tx.itemTemplate.create({ data: { id: t.id, ...itemTemplateRow(t) } });
    await tx.item.create({
      data: { templateId: t.id, quantity: 1, container: 'BANK', slot: 0, userId: parking.id },
    });
  });
  return t;
}

/**
 * Rows held by another open transaction: `lock` takes them in it; resolves once they are
 * held, and `release` lets go and waits for the commit.
 */
export async function holdRows(
  db: Db,
  lock: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  let locked!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const isLocked = new Promise<void>((r) => (locked = r));
  // the one way (20 s): a hold lasts as long as the test's checks, past Prisma's 5 s
  // default on a loaded CI machine
  const holder = inTransaction(db, async (tx) => {
    await lock(tx);
    locked();
    await held;
  });
  await isLocked;
  return {
    release: async () => {
      release();
      await holder;
    },
  };
}

/**
 * Characters' rows held by another open transaction (a bid, a trade, the sim's position
 * flush): `mode` 'whole' also blocks what only checks their key (a notice's foreign key).
 */
export function holdCharacters(
  db: Db,
  ids: readonly string[],
  mode: 'no key' | 'whole' = 'no key',
): Promise<{ release: () => Promise<void> }> {
  const lock = mode === 'whole' ? Prisma.raw('FOR UPDATE') : Prisma.raw('FOR NO KEY UPDATE');
  return holdRows(
    db,
    (tx) => tx.$queryRaw`
      SELECT "id" FROM "Character" WHERE "id" = ANY(${[...ids]}::text[]) ORDER BY "id" ${lock}`,
  );
}

// The gallery's contract board (issue 29): a board of players' orders — deliveries,
// bounties, crafting jobs — with their posters' ratings, open in the street by Kabuki,
// desktop and phone — written to docs/screenshots/ by `pnpm screens`, like the rest of
// the gallery (gallery-kit.ts).
import type { Page } from '@playwright/test';
import { createDb, type Db } from '@necp/db';
import { createTestCharacter, createTestUser, uniqLetters } from '@necp/db/testing';
import {
  acceptContract,
  confirmContract,
  deliverContract,
  grantItem,
  postContract,
  rateContract,
  recordCurrency,
  systemClock,
} from '@necp/game';
import type { ContractPostInput } from '@necp/shared';
import { expect, test } from '../e2e/test';
import { DESKTOP, PHONE, hero, inContext, shot } from './gallery-kit';

type Terms = Omit<ContractPostInput, 'characterId' | 'idempotencyKey'>;

const FIRST_NOTE = 'Kabuki yard, before the rain.';

/** [poster, its past contracts' ratings, what it posts now] */
const BOARD: [string, number[], Terms][] = [
  [
    'Nyx',
    [5, 4, 5, 5, 4],
    {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 40,
      reward: 600,
      collateral: 100,
      note: FIRST_NOTE,
    },
  ],
  ['Brick', [5, 5], { kind: 'kill', targetId: 'tyger_claws_punk', quantity: 10, reward: 1200 }],
  [
    'Juno',
    [],
    { kind: 'craft', targetId: 'knife_combat', quantity: 2, reward: 900, collateral: 300 },
  ],
  [
    'Rook',
    [2, 4, 3, 4],
    {
      kind: 'kill',
      targetId: 'maelstrom_ganger',
      quantity: 3,
      reward: 2500,
      note: 'They took my ride.',
    },
  ],
  ['Nyx', [], { kind: 'deliver', targetId: 'circuit_board', quantity: 12, reward: 480 }],
  ['Sable', [5], { kind: 'deliver', targetId: 'medi_gel', quantity: 5, reward: 250 }],
];

let n = 0;
const deps = (db: Db) => ({ db, clock: systemClock });
const post = (db: Db, characterId: string, t: Terms) =>
  postContract(deps(db), { ...t, characterId, idempotencyKey: `gallery-${process.pid}-${++n}` });

async function character(db: Db, name: string, eddies: number) {
  const owner = await createTestUser(db);
  const c = await createTestCharacter(db, owner.id, { name });
  await db.$transaction((tx) =>
    recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: eddies }),
  );
  return c.id;
}

/** A finished delivery of `poster`'s, rated `score` by its taker: the poster's public rating. */
async function ratedJob(db: Db, poster: string, taker: string, score: number) {
  const c = await post(db, poster, {
    kind: 'deliver',
    targetId: 'copper_wire',
    quantity: 5,
    reward: 200 + 100 * score,
  });
  await acceptContract(deps(db), { characterId: taker, contractId: c.id });
  await grantItem(
    { db },
    { characterId: taker, templateId: 'copper_wire', quantity: 5, reason: 'admin' },
  );
  await deliverContract(deps(db), { characterId: taker, contractId: c.id });
  await confirmContract(deps(db), { characterId: poster, contractId: c.id });
  await rateContract(deps(db), { characterId: taker, contractId: c.id, score });
}

/** Posters (in the database only) with their ratings, and the board they fill (once a run). */
async function stockTheBoard() {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    if ((await db.contract.count({ where: { note: FIRST_NOTE } })) > 0) return;
    const tag = uniqLetters(3);
    const taker = await character(db, `Fixer${tag}`, 0);
    const posters = new Map<string, string>();
    for (const [name, ratings] of BOARD) {
      if (posters.has(name)) continue;
      const id = await character(db, `${name}${tag}`, 20_000);
      posters.set(name, id);
      for (const score of ratings) await ratedJob(db, id, taker, score);
    }
    const stims = await grantItem(
      { db },
      {
        characterId: posters.get('Brick')!,
        templateId: 'stim_basic',
        quantity: 5,
        reason: 'admin',
      },
    );
    for (const [name, , terms] of BOARD)
      await post(db, posters.get(name)!, {
        ...terms,
        ...(name === 'Brick' ? { rewardItemId: stims[0]!.itemId } : {}),
      });
  } finally {
    await db.$disconnect();
  }
}

async function boardShot(page: Page, file: string) {
  await stockTheBoard();
  await hero(page, 'Vey', { origin: 'nomad', cls: 'solo', at: { x: 262, y: 268 } });
  await page.getByTestId('hud-contracts').click();
  await expect(page.getByTestId('contract-row')).toHaveCount(BOARD.length);
  await shot(page, file, 800);
}

test('gallery: the contract board, desktop', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, DESKTOP, (page) => boardShot(page, 'contracts-desktop'));
});

test('gallery: the contract board, phone', async ({ browser }) => {
  test.setTimeout(120_000);
  await inContext(browser, PHONE, (page) => boardShot(page, 'contracts-phone'));
});

/**
 * Issue 10, item 5: NUL characters and lone UTF-16 surrogates in ids and names, and
 * extreme cursors and dates, are refused at the edge (BAD_REQUEST), never a 500 from
 * the database. Calls go through the real tRPC caller against PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { grantItem, rateLimiterFor } from '@necp/game';
import { uniq } from '@necp/db/testing';
import { MUTATION_LIMIT } from './trpc';
import { rejection, signedIn, testDb, testDeps } from './testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const NUL = '\u0000';
const HIGH = '\uD83D';
const LOW = '\uDE42';
const BAD_STRINGS = [`x${NUL}`, `${NUL}`, `x${HIGH}`, `${LOW}x`, `a${HIGH}b${LOW}`];

const badRequest = { code: 'BAD_REQUEST' };

async function player() {
  const s = await signedIn(deps, db);
  const c = await s.caller.character.create({
    name: uniq('B'),
    origin: 'streetkid',
    class: 'netrunner',
  });
  const [granted] = await grantItem(deps, {
    characterId: c.id,
    templateId: 'stim_basic',
    quantity: 2,
    reason: 'admin',
  });
  return { ...s, characterId: c.id, itemId: granted!.itemId };
}

describe('bad strings at the tRPC edge', () => {
  it('ids with NUL or lone surrogates are BAD_REQUEST in every kind of procedure', async () => {
    const p = await player();
    const { characterId, itemId } = p;
    for (const bad of BAD_STRINGS) {
      // refused input still counts against the account's mutation budget; each round fits in one
      await rateLimiterFor(deps, MUTATION_LIMIT).reset(p.user.id);
      const calls: [string, () => Promise<unknown>][] = [
        ['character.delete', () => p.caller.character.delete({ characterId: bad })],
        ['character.enter', () => p.caller.character.enter({ characterId: bad })],
        ['inventory.get', () => p.caller.inventory.get({ characterId: bad })],
        ['inventory.move', () => p.caller.inventory.move({ characterId, itemId: bad, toSlot: 3 })],
        ['inventory.destroy', () => p.caller.inventory.destroy({ characterId, itemId: bad })],
        ['inventory.equip', () => p.caller.inventory.equip({ characterId, itemId: bad })],
        [
          'bank.deposit',
          () => p.caller.bank.deposit({ characterId, itemId: bad, idempotencyKey: uniq('k-') }),
        ],
        ['progression.sheet', () => p.caller.progression.sheet({ characterId: bad })],
        ['quests.log', () => p.caller.quests.log({ characterId: bad })],
        [
          'quests.accept',
          () => p.caller.quests.accept({ characterId, questId: 'q_street_cred', contactId: bad }),
        ],
        ['dialogue.open', () => p.caller.dialogue.open({ characterId, contactId: bad })],
        ['vendor.get', () => p.caller.vendor.get({ characterId, contactId: bad })],
        [
          'vendor.sell',
          () =>
            p.caller.vendor.sell({
              characterId,
              contactId: 'vik',
              itemId: bad,
              idempotencyKey: uniq('k-'),
            }),
        ],
        // an idempotency key is an id: the same bad strings are refused there too
        [
          'vendor.buy key',
          () =>
            p.caller.vendor.buy({
              characterId,
              contactId: 'vik',
              templateId: 'stim_basic',
              quantity: 1,
              idempotencyKey: bad,
            }),
        ],
        [
          'bank.withdraw key',
          () => p.caller.bank.withdraw({ characterId, itemId: 'x', idempotencyKey: bad }),
        ],
        [
          'guild.deposit key',
          () => p.caller.guild.deposit({ characterId, amount: 5, idempotencyKey: bad }),
        ],
        [
          'vendor.buyback',
          () => p.caller.vendor.buyback({ characterId, contactId: 'vik', itemId: bad }),
        ],
        ['reputation.list', () => p.caller.reputation.list({ characterId: bad })],
        ['daily.claim', () => p.caller.daily.claim({ characterId: bad })],
        [
          'character.create',
          () => p.caller.character.create({ name: bad, origin: 'streetkid', class: 'netrunner' }),
        ],
      ];
      for (const [name, call] of calls)
        expect(await rejection(call()), `${name} ${JSON.stringify(bad)}`).toMatchObject(badRequest);
    }
    // nothing moved: the stack is still where it was
    const inv = await p.caller.inventory.get({ characterId });
    expect(inv.bag.find((i) => i.id === itemId)).toMatchObject({ quantity: 2 });
  });

  it('sign-up refuses NUL and lone surrogates in every field', async () => {
    const { caller } = await signedIn(deps, db);
    const good = {
      email: `${uniq('e')}@example.com`,
      username: uniq('u'),
      password: 'a long and fine passphrase',
    };
    for (const bad of BAD_STRINGS) {
      for (const input of [
        { ...good, email: `${bad}${good.email}` },
        { ...good, username: `${good.username}${bad}` },
        { ...good, password: `${good.password}${bad}` },
      ])
        expect(await rejection(caller.auth.register(input))).toMatchObject(badRequest);
    }
    expect(await db.user.count({ where: { username: good.username } })).toBe(0);
  });

  it('admin tools refuse bad ids as BAD_REQUEST', async () => {
    const { caller } = await signedIn(deps, db, 'ADMIN');
    const { characterId } = await player();
    for (const bad of BAD_STRINGS) {
      expect(
        await rejection(
          caller.admin.grantItem({
            idempotencyKey: uniq('k-'),
            characterId,
            templateId: bad,
            quantity: 1,
          }),
        ),
      ).toMatchObject(badRequest);
      expect(
        await rejection(
          caller.admin.grantEddies({ idempotencyKey: uniq('k-'), characterId: bad, amount: 5 }),
        ),
      ).toMatchObject(badRequest);
    }
  });
});

/** A cursor as the domain's codec makes one (core/page-cursor.ts). */
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('moderation.combatLog bounds', () => {
  it('huge cursors, extreme dates and bad names are BAD_REQUEST, not a database error', async () => {
    const { caller } = await signedIn(deps, db, 'MODERATOR');
    for (const input of [
      { cursor: cursorOf([999999999999999, '1']) },
      { cursor: cursorOf([1, '9999999999999999999']) },
      { cursor: cursorOf([1, '9223372036854775808']) },
      { cursor: 'x'.repeat(401) },
      { since: new Date(8.64e15) },
      { until: new Date(-8.64e15) },
      { since: new Date('+275760-01-01T00:00:00Z') },
      { since: new Date(Number.NaN) },
      { characterName: `bob${NUL}` },
      { characterName: `bob${HIGH}` },
      { characterId: `c${NUL}` },
      { zoneId: `${LOW}` },
    ])
      expect(
        await rejection(caller.moderation.combatLog(input)),
        JSON.stringify(input),
      ).toMatchObject(badRequest);
    // the largest values in range still work
    await expect(
      caller.moderation.combatLog({
        cursor: cursorOf([Date.UTC(9999, 11, 31), '9223372036854775807']),
        since: new Date(0),
        until: new Date('9999-12-31T00:00:00Z'),
      }),
    ).resolves.toMatchObject({ items: expect.any(Array) });
  });
});

// Delivery by relationship (friends or guildmates of standing, on accounts of some age:
// at once; anyone else: the stranger delay), the quote before Send, and the Sent list.
import { uniq } from '@necp/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAIL_DELIVERY_DELAY_MS,
  MAIL_TRUST_ACCOUNT_MS,
  MAIL_TRUST_FRIENDS_MS,
  MAIL_TRUST_GUILD_MS,
  mailPostage,
  zoneById,
} from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { blockCharacter } from '../chat/blocks';
import { foundGuild, join } from '../guild/test-helpers';
import { expectBalanced, give, newPlayer, type Player } from '../inventory/test-helpers';
import { recordCurrency } from '../ledger/record-currency';
import { listSentMail } from './list-sent-mail';
import { quoteMail } from './quote-mail';
import { listMail } from './read-mail';
import { returnMail } from './return-mail';
import { sendMail } from './send-mail';

const db = testDb(6);
afterAll(() => db.$disconnect());
const DAY = 86_400_000;
const TERMINAL = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'mail_terminal')!;

interface Char extends Player {
  name: string;
}

/** A character at the mail terminal, its account made `accountAgeMs` before the test clock. */
async function char(
  deps: ReturnType<typeof testDeps>,
  o: { eddies?: number; accountAgeMs?: number } = {},
) {
  const p = await newPlayer(db);
  await db.user.update({
    where: { id: p.userId },
    data: { createdAt: new Date(deps.clock.ms() - (o.accountAgeMs ?? 30 * DAY)) },
  });
  const c = await db.character.update({
    where: { id: p.characterId },
    data: { zoneId: 'watson', x: TERMINAL.x + 1, y: TERMINAL.y + 1 },
  });
  if (o.eddies)
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: o.eddies! }),
    );
  return { ...p, name: c.name } satisfies Char;
}

/** Test setup: the two have been friends since `ms` before the test clock (both sides' rows). */
async function friends(deps: ReturnType<typeof testDeps>, a: Char, b: Char, ms: number) {
  const since = new Date(deps.clock.ms() - ms);
  await db.friendship.createMany({
    data: [
      { characterId: a.characterId, friendId: b.characterId, since },
      { characterId: b.characterId, friendId: a.characterId, since },
    ],
  });
}

/** `from` mails one cap to `to`: what the quote said before, and what the send did. */
async function mailCap(deps: ReturnType<typeof testDeps>, from: Char, to: Char) {
  const quote = await quoteMail(deps, {
    characterId: from.characterId,
    to: to.name,
    attachments: 1,
  });
  const itemId = await give(db, from, 'cap_street');
  const sent = await sendMail(deps, {
    characterId: from.characterId,
    idempotencyKey: uniq('mail-'),
    to: to.name,
    subject: 'cap',
    attachments: [{ itemId }],
  });
  expect(sent.deliverAt - deps.clock.ms()).toBe(quote.delayMs);
  expect(sent.postage).toBe(quote.postage);
  return { quote, sent };
}

describe('mail delivery by relationship', () => {
  it('strangers wait the full delay; friends of 2+ days on aged accounts get it at once', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [await char(deps, { eddies: 100 }), await char(deps), await char(deps)];
    await friends(deps, a, b, MAIL_TRUST_FRIENDS_MS);
    const toFriend = await mailCap(deps, a, b);
    expect(toFriend.quote).toEqual({
      to: b.name,
      postage: mailPostage(1),
      delayMs: 0,
      reason: 'friends',
    });
    expect((await listMail(deps, { characterId: b.characterId })).total).toBe(1);
    const toStranger = await mailCap(deps, a, c);
    expect(toStranger.quote).toMatchObject({ delayMs: MAIL_DELIVERY_DELAY_MS, reason: 'stranger' });
    expect((await listMail(deps, { characterId: c.characterId })).total).toBe(0);
    // postage is a sink in the ledger, per mail: ¥10 for one item
    const postage = await db.ledgerEntry.findMany({
      where: { characterId: a.characterId, reason: 'postage' },
    });
    expect(postage.map((r) => [r.eddiesDelta, r.toOwner])).toEqual([
      [-mailPostage(1), 'sink:postage'],
      [-mailPostage(1), 'sink:postage'],
    ]);
    expect(mailPostage(1)).toBe(10);
    await expectBalanced(db, [a, b, c]);
  });

  it('new friends, or a young account on either side, keep the delay; the operator’s delay applies', async () => {
    const deps = testDeps(db);
    const slow = { ...deps, config: { ...deps.config, mailDeliveryDelayMs: 5 * 60_000 } };
    const a = await char(deps, { eddies: 100 });
    const [newFriend, young] = [
      await char(deps),
      await char(deps, { accountAgeMs: MAIL_TRUST_ACCOUNT_MS - 60_000 }),
    ];
    await friends(deps, a, newFriend, MAIL_TRUST_FRIENDS_MS - 60_000);
    await friends(deps, a, young, 10 * DAY);
    expect((await mailCap(slow, a, newFriend)).quote).toMatchObject({
      delayMs: 5 * 60_000,
      reason: 'stranger',
    });
    expect((await mailCap(slow, a, young)).quote).toMatchObject({
      delayMs: 5 * 60_000,
      reason: 'new_account',
    });
    // text only is never delayed
    expect(await quoteMail(deps, { characterId: a.characterId, to: young.name })).toMatchObject({
      delayMs: 0,
      reason: 'text',
      postage: mailPostage(0),
    });
  });

  it('guildmates both in the guild for 2+ days: at once; a member who joined today waits', async () => {
    const deps = testDeps(db);
    const g = await foundGuild(deps);
    const [old, fresh] = [await char(deps, { eddies: 50 }), await char(deps)];
    for (const who of [old, fresh])
      await join(deps, g.leader, { id: who.characterId, name: who.name });
    await db.user.updateMany({
      where: { characters: { some: { id: g.leader.id } } },
      data: { createdAt: new Date(deps.clock.ms() - 30 * DAY) },
    });
    await db.guildMember.updateMany({
      where: { characterId: { in: [g.leader.id, old.characterId] } },
      data: { joinedAt: new Date(deps.clock.ms() - MAIL_TRUST_GUILD_MS) },
    });
    const leader = { ...(await newPlayerRef(g.leader.id)), name: g.leader.name };
    expect((await mailCap(deps, old, leader)).quote).toMatchObject({
      delayMs: 0,
      reason: 'guildmates',
    });
    expect((await mailCap(deps, old, fresh)).quote).toMatchObject({
      delayMs: MAIL_DELIVERY_DELAY_MS,
      reason: 'stranger',
    });
  });

  it('the quote refuses as sending does, and says the same for a recipient who blocks you', async () => {
    const deps = testDeps(db);
    const [a, b] = [await char(deps, { eddies: 100 }), await char(deps)];
    await expectDomainError(
      quoteMail(deps, { characterId: a.characterId, to: a.name }),
      'VALIDATION',
    );
    await expectDomainError(
      quoteMail(deps, { characterId: a.characterId, to: 'NobodyXq9' }),
      'NOT_FOUND',
    );
    await expectDomainError(
      quoteMail(deps, { characterId: a.characterId, to: 'x\u0000y' } as never),
      'VALIDATION',
    );
    const before = await quoteMail(deps, { characterId: a.characterId, to: b.name, eddies: 5 });
    await blockCharacter(deps, { characterId: b.characterId, name: a.name });
    expect(await quoteMail(deps, { characterId: a.characterId, to: b.name, eddies: 5 })).toEqual(
      before,
    );
  });
});

async function newPlayerRef(characterId: string): Promise<Player> {
  const c = await db.character.findUniqueOrThrow({ where: { id: characterId } });
  return { userId: c.userId, characterId, ref: { userId: c.userId, characterId } };
}

describe('the Sent list', () => {
  it('shows only the sender’s own mail: on its way, delivered, returned; paged', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [
      await char(deps, { eddies: 200 }),
      await char(deps, { eddies: 50 }),
      await char(deps),
    ];
    const t0 = deps.clock.ms();
    const text = (from: Char, to: Char, subject: string) =>
      sendMail(deps, {
        characterId: from.characterId,
        idempotencyKey: uniq('mail-'),
        to: to.name,
        subject,
      });
    await text(a, b, 'first');
    deps.clock.advance(1_000);
    await text(a, c, 'second');
    deps.clock.advance(1_000);
    await mailCap(deps, a, b); // on its way
    deps.clock.advance(1_000);
    await text(b, a, 'from b'); // not a's
    deps.clock.advance(1_000);
    await text(a, c, 'returned');
    const back = (await listMail(deps, { characterId: c.characterId })).items.find(
      (m) => m.subject === 'returned',
    )!;
    await returnMail(deps, { characterId: c.characterId, mailId: back.id });

    const all = await listSentMail(deps, { characterId: a.characterId });
    expect(all.items.map((m) => [m.subject, m.to, m.state])).toEqual([
      ['returned', c.name, 'returned'],
      ['cap', b.name, 'on_its_way'],
      ['second', c.name, 'delivered'],
      ['first', b.name, 'delivered'],
    ]);
    expect(all.items[1]).toMatchObject({
      items: 1,
      sentAt: t0 + 2_000,
      deliverAt: t0 + 2_000 + MAIL_DELIVERY_DELAY_MS,
    });
    expect(all.nextCursor).toBeNull();
    // b sees its own only
    expect(
      (await listSentMail(deps, { characterId: b.characterId })).items.map((m) => m.subject),
    ).toEqual(['from b']);
    // pages of 2
    const p1 = await listSentMail(deps, { characterId: a.characterId, limit: 2 });
    expect(p1.items.map((m) => m.subject)).toEqual(['returned', 'cap']);
    const p2 = await listSentMail(deps, {
      characterId: a.characterId,
      limit: 2,
      cursor: p1.nextCursor!,
    });
    expect(p2).toMatchObject({ nextCursor: null });
    expect(p2.items.map((m) => m.subject)).toEqual(['second', 'first']);
    // a cursor is a place in the list: in another's Sent tab it pages theirs; bad input is refused
    expect(
      (await listSentMail(deps, { characterId: c.characterId, cursor: p1.nextCursor! })).items,
    ).toEqual([]);
    await expectDomainError(
      listSentMail(deps, { characterId: a.characterId, limit: 51 }),
      'VALIDATION',
    );
    // once it arrives, "on its way" is "delivered"
    deps.clock.advance(MAIL_DELIVERY_DELAY_MS);
    expect((await listSentMail(deps, { characterId: a.characterId })).items[1]!.state).toBe(
      'delivered',
    );
  });
});

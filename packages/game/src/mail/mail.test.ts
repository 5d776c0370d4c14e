import { afterAll, describe, expect, it } from 'vitest';
import {
  MAIL_ATTACHMENTS_MAX,
  MAIL_DELIVERY_DELAY_MS,
  MAIL_EXPIRY_DAYS,
  MAIL_RANGE,
  MAIL_SYSTEM_SENDER,
  MAILBOX_MAX,
  mailPostage,
  zoneById,
} from '@necp/shared';
import { DomainError } from '../core/errors';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { purgeExpiredCharacters } from '../characters/purge-expired-characters';
import { blockCharacter } from '../chat/blocks';
import { equipItem } from '../inventory/equip-item';
import { expectBalanced, give, newPlayer, type Player } from '../inventory/test-helpers';
import { checkInvariants } from '../ledger/check-invariants';
import { recordCurrency } from '../ledger/record-currency';
import { deleteMail } from './delete-mail';
import { expireMail } from './expire-mail';
import { payMailCod } from './pay-mail-cod';
import { listMail, readMail } from './read-mail';
import { returnMail } from './return-mail';
import { sendMail } from './send-mail';
import { sendSystemMail } from './send-system-mail';
import { takeMailEddies, takeMailItems } from './take-mail';

const db = testDb(12);
afterAll(() => db.$disconnect());
const deps = testDeps(db);
const DAY = 86_400_000;

/** Next to Watson's mail terminal. */
const TERMINAL = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'mail_terminal')!;
const AT_MAIL = { zoneId: 'watson', x: TERMINAL.x + 1, y: TERMINAL.y + 1 };

interface Char extends Player {
  name: string;
}

async function char(o: { eddies?: number; bagSlots?: number; atMail?: boolean } = {}) {
  const p = await newPlayer(db, o.bagSlots !== undefined ? { bagSlots: o.bagSlots } : {});
  const c = await db.character.update({
    where: { id: p.characterId },
    data: o.atMail === false ? {} : AT_MAIL,
  });
  if (o.eddies)
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: o.eddies! }),
    );
  return { ...p, name: c.name } satisfies Char;
}

const eddiesOf = async (p: Player) =>
  (await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).eddies;
const bagOf = async (p: Player) =>
  (
    await db.item.findMany({
      where: { characterId: p.characterId, container: 'BAG' },
      orderBy: { slot: 'asc' },
    })
  ).map((i) => [i.templateId, i.quantity]);
const inbox = (p: Player) => listMail(deps, { characterId: p.characterId });
const mailsTo = (p: Player) => db.mail.count({ where: { toId: p.characterId } });
const text = (from: Char, to: Char, subject = 'hi') =>
  sendMail(deps, { characterId: from.characterId, to: to.name, subject, body: 'text' });

/** Runs all at once; how many succeeded (anything but a DomainError fails the test). */
async function race(ops: (() => Promise<unknown>)[]): Promise<number> {
  const results = await Promise.allSettled(ops.map((op) => op()));
  for (const r of results)
    if (r.status === 'rejected' && !(r.reason instanceof DomainError)) throw r.reason;
  return results.filter((r) => r.status === 'fulfilled').length;
}

describe('mail: sending', () => {
  it('text-only mail arrives at once; reading marks it read; it can be deleted', async () => {
    const [a, b] = [await char({ eddies: 100 }), await char()];
    const sent = await text(a, b, 'Meet at Lizzie’s');
    expect(sent).toEqual({ to: b.name, postage: 5, deliverAt: deps.clock.ms() });
    expect(await eddiesOf(a)).toBe(95);
    const box = await inbox(b);
    expect(box).toMatchObject({ unread: 1, total: 1, nextCursor: null });
    expect(box.mails[0]).toMatchObject({
      kind: 'player',
      from: a.name,
      fromId: a.characterId,
      subject: 'Meet at Lizzie’s',
      eddies: 0,
      cod: 0,
      attachments: [],
      read: false,
      expiresAt: deps.clock.ms() + MAIL_EXPIRY_DAYS * DAY,
    });
    const id = box.mails[0]!.id;
    expect(await readMail(deps, { characterId: b.characterId, mailId: id })).toMatchObject({
      body: 'text',
      read: true,
    });
    expect((await inbox(b)).unread).toBe(0);
    // someone else cannot read, take or delete it (each call made when awaited)
    for (const call of [
      () => readMail(deps, { characterId: a.characterId, mailId: id }),
      () => deleteMail(deps, { characterId: a.characterId, mailId: id }),
      () => takeMailEddies(deps, { characterId: a.characterId, mailId: id }),
    ])
      await expectDomainError(call(), 'NOT_FOUND');
    await deleteMail(deps, { characterId: b.characterId, mailId: id });
    expect((await inbox(b)).total).toBe(0);
    await expectBalanced(db, [a, b]);
  });

  it('refuses yourself, unknown and deleted names, bad text, and sending away from a terminal', async () => {
    const [a, b, gone] = [await char({ eddies: 500 }), await char(), await char()];
    await db.character.update({ where: { id: gone.characterId }, data: { deletedAt: new Date() } });
    await expectDomainError(text(a, a), 'VALIDATION', 'You cannot mail yourself.');
    await expectDomainError(text(a, { ...b, name: 'NobodyXx7' }), 'NOT_FOUND');
    await expectDomainError(text(a, gone), 'NOT_FOUND');
    const bad = [
      { subject: '' },
      { subject: '   ' },
      { subject: 'x'.repeat(65) },
      { subject: 'a\u0000b' },
      { subject: 'two\nlines' },
      { subject: 'lone \uD800 surrogate' },
      { subject: 'ok', body: 'x'.repeat(2_001) },
      { subject: 'ok', body: 'bell\u0007' },
      { subject: 'ok', body: 'half \uDC00' },
    ];
    for (const o of bad)
      await expectDomainError(
        sendMail(deps, { characterId: a.characterId, to: b.name, body: '', ...o }),
        'VALIDATION',
      );
    // 64 and 2,000 are fine, newlines in the body too
    await sendMail(deps, {
      characterId: a.characterId,
      to: b.name,
      subject: 'x'.repeat(64),
      body: `${'y'.repeat(1_990)}\nbye`,
    });
    await db.character.update({
      where: { id: a.characterId },
      data: { x: TERMINAL.x + MAIL_RANGE + 1, y: TERMINAL.y },
    });
    await expectDomainError(text(a, b), 'FORBIDDEN', 'You need to be at a mail terminal');
    expect(await mailsTo(b)).toBe(1);
    expect(await eddiesOf(a)).toBe(495);
  });

  it('attachments and eddies leave the sender at once and arrive after the delay', async () => {
    const [a, b] = [await char({ eddies: 1_000 }), await char()];
    const stims = await give(db, a, 'stim_basic', 15);
    const pistol = await give(db, a, 'pistol_unity');
    const sent = await sendMail(deps, {
      characterId: a.characterId,
      to: b.name,
      subject: 'Supplies',
      eddies: 250,
      attachments: [{ itemId: stims, quantity: 10 }, { itemId: pistol }],
    });
    expect(sent.postage).toBe(mailPostage(2));
    expect(sent.postage).toBe(15);
    expect(sent.deliverAt).toBe(deps.clock.ms() + MAIL_DELIVERY_DELAY_MS);
    expect(await eddiesOf(a)).toBe(1_000 - 15 - 250);
    expect(await bagOf(a)).toEqual([['stim_basic', 5]]);
    // on its way: invisible to the recipient
    expect(await inbox(b)).toMatchObject({ mails: [], unread: 0, total: 0 });
    const mail = await db.mail.findFirstOrThrow({ where: { toId: b.characterId } });
    await expectDomainError(
      readMail(deps, { characterId: b.characterId, mailId: mail.id }),
      'NOT_FOUND',
    );
    await expectDomainError(
      takeMailItems(deps, { characterId: b.characterId, mailId: mail.id }),
      'NOT_FOUND',
    );
    await expectBalanced(db, [a, b]);

    const clock = testDeps(db).clock;
    clock.set(deps.clock.ms() + MAIL_DELIVERY_DELAY_MS);
    const later = { ...deps, clock };
    const [m] = (await listMail(later, { characterId: b.characterId })).mails;
    expect(m).toMatchObject({ eddies: 250, cod: 0, arrivedAt: clock.ms() });
    expect(m!.attachments.map((x) => [x.templateId, x.quantity])).toEqual([
      ['stim_basic', 10],
      ['pistol_unity', 1],
    ]);
    const pistolView = m!.attachments[1]!;
    const left = await takeMailItems(later, {
      characterId: b.characterId,
      mailId: m!.id,
      itemId: pistolView.itemId,
    });
    expect(left.attachments.map((x) => x.templateId)).toEqual(['stim_basic']);
    expect(left.read).toBe(true);
    // taking it again: it is gone
    await expectDomainError(
      takeMailItems(later, {
        characterId: b.characterId,
        mailId: m!.id,
        itemId: pistolView.itemId,
      }),
      'NOT_FOUND',
    );
    await expectDomainError(
      deleteMail(later, { characterId: b.characterId, mailId: m!.id }),
      'INVALID_STATE',
      'Take what the mail holds first.',
    );
    await takeMailItems(later, { characterId: b.characterId, mailId: m!.id });
    expect(
      await takeMailEddies(later, { characterId: b.characterId, mailId: m!.id }),
    ).toMatchObject({ eddies: 250, mail: { eddies: 0, attachments: [] } });
    await expectDomainError(
      takeMailEddies(later, { characterId: b.characterId, mailId: m!.id }),
      'INVALID_STATE',
    );
    expect((await bagOf(b)).sort()).toEqual([
      ['pistol_unity', 1],
      ['stim_basic', 10],
    ]);
    await deleteMail(later, { characterId: b.characterId, mailId: m!.id });
    await expectBalanced(db, [a, b]);
  });

  it('refuses what the sender cannot send, writing nothing', async () => {
    const [a, b, other] = [await char({ eddies: 100 }), await char(), await char()];
    const stims = await give(db, a, 'stim_basic', 5);
    const jacket = await give(db, a, 'jacket_kevlar');
    await equipItem(deps, { ...a.ref, itemId: jacket });
    const bound = await give(db, a, 'pistol_unity');
    await db.item.update({ where: { id: bound }, data: { boundCharacterId: a.characterId } });
    const theirs = await give(db, other, 'stim_basic', 1);
    const send = (o: object) =>
      sendMail(deps, { characterId: a.characterId, to: b.name, subject: 's', ...o });
    // postage 5 + 5 per item, plus the eddies
    await expectDomainError(send({ eddies: 96 }), 'INVALID_STATE', 'Not enough eddies');
    await expectDomainError(
      send({ eddies: 91, attachments: [{ itemId: stims }] }),
      'INVALID_STATE',
      'Not enough eddies',
    );
    await expectDomainError(send({ attachments: [{ itemId: theirs }] }), 'NOT_FOUND');
    await expectDomainError(send({ attachments: [{ itemId: jacket }] }), 'INVALID_STATE');
    await expectDomainError(
      send({ attachments: [{ itemId: bound }] }),
      'INVALID_STATE',
      'Bound items cannot be mailed.',
    );
    await expectDomainError(send({ attachments: [{ itemId: stims, quantity: 6 }] }), 'VALIDATION');
    await expectDomainError(
      send({ attachments: [{ itemId: stims }, { itemId: stims }] }),
      'VALIDATION',
    );
    await expectDomainError(
      send({
        attachments: Array.from({ length: MAIL_ATTACHMENTS_MAX + 1 }, (_, i) => ({
          itemId: `item${i}`,
        })),
      }),
      'VALIDATION',
    );
    await expectDomainError(
      send({ cod: 100 }),
      'VALIDATION',
      'Cash on delivery needs an attached item',
    );
    await expectDomainError(send({ eddies: -1 }), 'VALIDATION');
    expect(await eddiesOf(a)).toBe(100);
    expect(await mailsTo(b)).toBe(0);
    expect(await bagOf(a)).toEqual([
      ['stim_basic', 5],
      ['pistol_unity', 1],
    ]);
    await expectBalanced(db, [a, b, other]);
  });

  it('a recipient who blocks the sender gets nothing; the sender is told it went', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char()];
    const stims = await give(db, a, 'stim_basic', 3);
    await blockCharacter(deps, { characterId: b.characterId, name: a.name });
    const r = await sendMail(deps, {
      characterId: a.characterId,
      to: b.name,
      subject: 'gift',
      eddies: 100,
      attachments: [{ itemId: stims }],
    });
    expect(r).toEqual({
      to: b.name,
      postage: 10,
      deliverAt: deps.clock.ms() + MAIL_DELIVERY_DELAY_MS,
    });
    // nothing written: no mail, no postage, the items stay
    expect(await mailsTo(b)).toBe(0);
    expect(await eddiesOf(a)).toBe(500);
    expect(await bagOf(a)).toEqual([['stim_basic', 3]]);
    // the usual refusals still come first, the same as for anyone
    await expectDomainError(
      sendMail(deps, { characterId: a.characterId, to: b.name, subject: 'x', eddies: 10_000 }),
      'INVALID_STATE',
    );
    await expectBalanced(db, [a, b]);
  });

  it(`a mailbox holds ${MAILBOX_MAX}: player mail beyond is refused, system mail still arrives`, async () => {
    const [a, b] = [await char({ eddies: 500 }), await char()];
    const now = deps.clock.now();
    await db.mail.createMany({
      data: Array.from({ length: MAILBOX_MAX }, (_, i) => ({
        toId: b.characterId,
        fromName: 'Filler',
        kind: 'system',
        subject: `filler ${i}`,
        body: '',
        sentAt: now,
        deliverAt: now,
        expiresAt: new Date(now.getTime() + DAY),
      })),
    });
    await expectDomainError(
      text(a, b),
      'CONFLICT',
      `${b.name}’s mailbox is full (${MAILBOX_MAX}).`,
    );
    expect(await eddiesOf(a)).toBe(500);
    await sendSystemMail(deps, {
      toCharacterId: b.characterId,
      subject: 'Refund',
      eddies: 5,
      reason: 'admin',
    });
    expect(await mailsTo(b)).toBe(MAILBOX_MAX + 1);
  });

  it('pages the inbox newest first', async () => {
    const [a, b] = [await char({ eddies: 1_000 }), await char()];
    const clock = testDeps(db).clock;
    const d = { ...deps, clock };
    for (let i = 0; i < 5; i++) {
      await sendMail(d, { characterId: a.characterId, to: b.name, subject: `m${i}` });
      clock.advance(1_000);
    }
    const p1 = await listMail(d, { characterId: b.characterId, limit: 2 });
    expect(p1.mails.map((m) => m.subject)).toEqual(['m4', 'm3']);
    expect(p1).toMatchObject({ unread: 5, total: 5 });
    const p2 = await listMail(d, { characterId: b.characterId, limit: 2, cursor: p1.nextCursor! });
    expect(p2.mails.map((m) => m.subject)).toEqual(['m2', 'm1']);
    const p3 = await listMail(d, { characterId: b.characterId, limit: 2, cursor: p2.nextCursor! });
    expect(p3.mails.map((m) => m.subject)).toEqual(['m0']);
    expect(p3.nextCursor).toBeNull();
    // a cursor of someone else's mail is not a page of yours
    await expectDomainError(
      listMail(d, { characterId: a.characterId, cursor: p1.nextCursor! }),
      'NOT_FOUND',
    );
  });
});

/** b has an arrived mail from a with `items` stims stacks and `eddies`; returns its id and the later deps. */
async function arrived(a: Char, b: Char, o: { items?: string[]; eddies?: number; cod?: number }) {
  await sendMail(deps, {
    characterId: a.characterId,
    to: b.name,
    subject: 'Parcel',
    eddies: o.eddies ?? 0,
    cod: o.cod ?? 0,
    attachments: (o.items ?? []).map((itemId) => ({ itemId })),
  });
  const clock = testDeps(db).clock;
  clock.set(deps.clock.ms() + MAIL_DELIVERY_DELAY_MS);
  const later = { ...deps, clock };
  const [m] = (await listMail(later, { characterId: b.characterId })).mails;
  return { mailId: m!.id, later, mail: m! };
}

describe('mail: taking is exactly once', () => {
  it('parallel takes of one item, of everything and of the eddies: one each succeeds', async () => {
    const [a, b] = [await char({ eddies: 2_000 }), await char()];
    const items = [
      await give(db, a, 'pistol_unity'),
      await give(db, a, 'pistol_unity'),
      await give(db, a, 'scrap_metal', 40),
    ];
    const { mailId, later, mail } = await arrived(a, b, { items, eddies: 300 });
    const one = mail.attachments[0]!.itemId;
    const ref = { characterId: b.characterId, mailId };
    expect(
      await race(
        Array.from({ length: 6 }, () => () => takeMailItems(later, { ...ref, itemId: one })),
      ),
    ).toBe(1);
    expect(await race(Array.from({ length: 6 }, () => () => takeMailItems(later, ref)))).toBe(1);
    expect(await race(Array.from({ length: 6 }, () => () => takeMailEddies(later, ref)))).toBe(1);
    expect(await eddiesOf(b)).toBe(300);
    expect((await bagOf(b)).sort()).toEqual([
      ['pistol_unity', 1],
      ['pistol_unity', 1],
      ['scrap_metal', 40],
    ]);
    await expectBalanced(db, [a, b]);
  });

  it('a full bag takes nothing: all or nothing', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char({ bagSlots: 2 })];
    await give(db, b, 'scrap_metal', 1);
    const items = [await give(db, a, 'pistol_unity'), await give(db, a, 'pistol_unity')];
    const { mailId, later, mail } = await arrived(a, b, { items });
    await expectDomainError(
      takeMailItems(later, { characterId: b.characterId, mailId }),
      'INVALID_STATE',
      'Your bag is full',
    );
    expect(await bagOf(b)).toEqual([['scrap_metal', 1]]);
    expect(
      (await readMail(later, { characterId: b.characterId, mailId })).attachments,
    ).toHaveLength(2);
    // one fits
    await takeMailItems(later, {
      characterId: b.characterId,
      mailId,
      itemId: mail.attachments[1]!.itemId,
    });
    expect(await bagOf(b)).toEqual([
      ['scrap_metal', 1],
      ['pistol_unity', 1],
    ]);
    await expectBalanced(db, [a, b]);
  });

  it('taking needs a mail terminal; reading, returning and deleting do not', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char()];
    const { mailId, later } = await arrived(a, b, {
      items: [await give(db, a, 'pistol_unity')],
      eddies: 10,
    });
    await db.character.update({ where: { id: b.characterId }, data: { x: 300, y: 300 } });
    const ref = { characterId: b.characterId, mailId };
    await expectDomainError(takeMailItems(later, ref), 'FORBIDDEN');
    await expectDomainError(takeMailEddies(later, ref), 'FORBIDDEN');
    await readMail(later, ref);
    await returnMail(later, ref);
    // back with its sender at once, from b, holding everything
    const [back] = (await listMail(later, { characterId: a.characterId })).mails;
    expect(back).toMatchObject({ kind: 'returned', from: b.name, eddies: 10, read: false });
    expect(back!.attachments).toHaveLength(1);
    // a returned mail cannot be returned again
    await expectDomainError(
      returnMail(later, { characterId: a.characterId, mailId: back!.id }),
      'INVALID_STATE',
    );
    await takeMailItems(later, { characterId: a.characterId, mailId: back!.id });
    await takeMailEddies(later, { characterId: a.characterId, mailId: back!.id });
    await expectBalanced(db, [a, b]);
  });
});

describe('mail: cash on delivery', () => {
  it('must be paid to take; paying moves the amount to the sender and takes everything', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char({ eddies: 100, bagSlots: 1 })];
    await give(db, b, 'scrap_metal', 1);
    const { mailId, later } = await arrived(a, b, {
      items: [await give(db, a, 'pistol_unity')],
      eddies: 20,
      cod: 400,
    });
    const ref = { characterId: b.characterId, mailId };
    await expectDomainError(
      takeMailItems(later, ref),
      'INVALID_STATE',
      'Pay the cash on delivery first.',
    );
    await expectDomainError(takeMailEddies(later, ref), 'INVALID_STATE');
    // not enough eddies: nothing happens
    await expectDomainError(payMailCod(later, ref), 'INVALID_STATE', 'Not enough eddies');
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: b.characterId, delta: 400 }),
    );
    // a full bag: nothing is paid either
    await expectDomainError(payMailCod(later, ref), 'INVALID_STATE', 'Your bag is full');
    expect(await eddiesOf(b)).toBe(500);
    await db.character.update({ where: { id: b.characterId }, data: { bagSlots: 5 } });
    const senderBefore = await eddiesOf(a);

    expect(await race(Array.from({ length: 5 }, () => () => payMailCod(later, ref)))).toBe(1);
    expect(await eddiesOf(b)).toBe(500 - 400 + 20);
    expect(await eddiesOf(a)).toBe(senderBefore + 400);
    expect(await bagOf(b)).toEqual([
      ['scrap_metal', 1],
      ['pistol_unity', 1],
    ]);
    expect((await readMail(later, ref)).cod).toBe(0);
    await expectDomainError(
      payMailCod(later, ref),
      'INVALID_STATE',
      'Nothing is due on that mail.',
    );
    // the sender hears of it at once
    const notice = (await listMail(later, { characterId: a.characterId })).mails[0];
    expect(notice).toMatchObject({
      kind: 'system',
      from: MAIL_SYSTEM_SENDER,
      subject: 'Paid: Parcel',
    });
    const rows = await db.ledgerEntry.findMany({ where: { reason: 'cod', ref: mailId } });
    expect(rows.map((r) => [r.characterId, r.eddiesDelta]).sort()).toEqual(
      [
        [a.characterId, 400],
        [b.characterId, -400],
      ].sort(),
    );
    await expectBalanced(db, [a, b]);
  });

  it('unpaid cash-on-delivery mail goes back to its sender when it expires', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char()];
    const { mailId } = await arrived(a, b, { items: [await give(db, a, 'pistol_unity')], cod: 50 });
    const when = new Date(deps.clock.ms() + MAIL_DELIVERY_DELAY_MS + MAIL_EXPIRY_DAYS * DAY);
    expect(await expireMail(deps, when, { characterIds: [b.characterId] })).toEqual({
      returned: 1,
      destroyed: 0,
      deleted: 0,
    });
    const back = await db.mail.findUniqueOrThrow({ where: { id: mailId } });
    expect(back).toMatchObject({ toId: a.characterId, kind: 'returned', cod: 0, fromName: b.name });
    await expectBalanced(db, [a, b]);
  });
});

describe('mail: system mail', () => {
  it('creates its eddies and items from a named source; it can be part of a caller’s transaction', async () => {
    const b = await char();
    const { mailId } = await sendSystemMail(deps, {
      toCharacterId: b.characterId,
      subject: 'Quest reward',
      body: 'Well done, choom.',
      eddies: 120,
      items: [{ templateId: 'stim_basic', quantity: 45 }],
      reason: 'quest',
    });
    const m = await readMail(deps, { characterId: b.characterId, mailId });
    expect(m).toMatchObject({
      kind: 'system',
      from: MAIL_SYSTEM_SENDER,
      fromId: null,
      eddies: 120,
    });
    expect(m.attachments.map((x) => x.quantity)).toEqual([20, 20, 5]);
    const sources = await db.ledgerEntry.findMany({
      where: { ref: mailId, fromOwner: 'source:quest' },
    });
    expect(sources.map((r) => r.eddiesDelta + r.quantityDelta).sort((x, y) => x - y)).toEqual([
      5, 20, 20, 120,
    ]);
    await expectBalanced(db, [b]);
    await expectDomainError(
      returnMail(deps, { characterId: b.characterId, mailId }),
      'INVALID_STATE',
    );
    await takeMailItems(deps, { characterId: b.characterId, mailId });
    await takeMailEddies(deps, { characterId: b.characterId, mailId });
    expect(await eddiesOf(b)).toBe(120);
    expect(await bagOf(b)).toEqual([
      ['stim_basic', 20],
      ['stim_basic', 20],
      ['stim_basic', 5],
    ]);
    await expectBalanced(db, [b]);

    // inside a caller's transaction: it rolls back with it
    const failed = await db
      .$transaction(async (tx) => {
        await sendSystemMail(
          { db: tx, clock: deps.clock },
          {
            toCharacterId: b.characterId,
            subject: 'Refund',
            eddies: 10,
            reason: 'vendor',
          },
        );
        throw new Error('caller failed');
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe('caller failed');
    expect((await inbox(b)).total).toBe(1);
    await expectDomainError(
      sendSystemMail(deps, {
        toCharacterId: b.characterId,
        subject: 'Too much',
        items: [{ templateId: 'stim_basic', quantity: 20 * MAIL_ATTACHMENTS_MAX + 1 }],
        reason: 'admin',
      }),
      'VALIDATION',
    );
    await expectDomainError(
      sendSystemMail(deps, { toCharacterId: 'nobody', subject: 'x', reason: 'admin' }),
      'NOT_FOUND',
    );
  });
});

describe('mail: expiry', () => {
  it('returns unclaimed player mail; a returned or system mail expiring is destroyed; empty mail is deleted', async () => {
    const [a, b] = [await char({ eddies: 1_000 }), await char()];
    const scope = { characterIds: [a.characterId, b.characterId] };
    const { mailId } = await arrived(a, b, {
      items: [await give(db, a, 'scrap_metal', 7)],
      eddies: 40,
    });
    await text(a, b, 'just words');
    await sendSystemMail(deps, {
      toCharacterId: b.characterId,
      subject: 'Bonus',
      eddies: 9,
      items: [{ templateId: 'stim_basic', quantity: 2 }],
      reason: 'login',
    });
    const t0 = deps.clock.ms();
    // nothing is due a minute early
    const early = new Date(t0 + MAIL_EXPIRY_DAYS * DAY - 60_000);
    expect(await expireMail(deps, early, scope)).toEqual({ returned: 0, destroyed: 0, deleted: 0 });

    const first = new Date(t0 + MAIL_DELIVERY_DELAY_MS + MAIL_EXPIRY_DAYS * DAY);
    expect(await expireMail(deps, first, scope)).toEqual({ returned: 1, destroyed: 1, deleted: 1 });
    // a second run (another node) changes nothing more
    expect(await expireMail(deps, first, scope)).toEqual({ returned: 0, destroyed: 0, deleted: 0 });
    const back = await db.mail.findUniqueOrThrow({
      where: { id: mailId },
      include: { attachments: true },
    });
    expect(back).toMatchObject({ toId: a.characterId, kind: 'returned', eddies: 40 });
    expect(back.attachments).toHaveLength(1);
    expect(back.expiresAt.getTime()).toBe(first.getTime() + MAIL_EXPIRY_DAYS * DAY);
    expect(await mailsTo(b)).toBe(0);
    await expectBalanced(db, [a, b]);

    // the returned mail expiring again: destroyed through the ledger
    const second = new Date(first.getTime() + MAIL_EXPIRY_DAYS * DAY);
    expect(await expireMail(deps, second, scope)).toEqual({
      returned: 0,
      destroyed: 1,
      deleted: 0,
    });
    expect(await db.mail.findUnique({ where: { id: mailId } })).toBeNull();
    const sinks = await db.ledgerEntry.findMany({ where: { ref: mailId, toOwner: 'sink:mail' } });
    expect(sinks.map((r) => r.eddiesDelta + r.quantityDelta).sort()).toEqual([-40, -7].sort());
    await expectBalanced(db, [a, b]);
  });

  it('purging a character returns the mail waiting for it and drops cash on delivery it asked for', async () => {
    const [a, b, c] = [await char({ eddies: 1_000 }), await char({ eddies: 1_000 }), await char()];
    // a → b, still on its way when b is purged
    await sendMail(deps, {
      characterId: a.characterId,
      to: b.name,
      subject: 'For b',
      eddies: 30,
      attachments: [{ itemId: await give(db, a, 'pistol_unity') }],
    });
    // b → c with cash on delivery; and a system mail waiting for b
    const { mailId: toC } = await arrived(b, c, {
      items: [await give(db, b, 'scrap_metal', 3)],
      cod: 99,
    });
    const gift = await sendSystemMail(deps, {
      toCharacterId: b.characterId,
      subject: 'Gift',
      eddies: 5,
      reason: 'admin',
    });
    const row = await db.character.update({
      where: { id: b.characterId },
      data: { deletedAt: new Date(0) },
    });
    expect(await purgeExpiredCharacters(deps, { nameKey: row.nameLower })).toBe(1);
    const back = await db.mail.findFirstOrThrow({
      where: { toId: a.characterId, kind: 'returned' },
    });
    expect(back).toMatchObject({ eddies: 30, fromId: null, fromName: b.name });
    expect(await db.mail.findUniqueOrThrow({ where: { id: toC } })).toMatchObject({
      cod: 0,
      fromId: null,
    });
    // the system mail had nobody to go back to: destroyed through the ledger
    expect(await db.mail.findUnique({ where: { id: gift.mailId } })).toBeNull();
    const sunk = await db.ledgerEntry.findMany({
      where: { ref: gift.mailId, toOwner: 'sink:purge' },
    });
    expect(sunk.map((r) => r.eddiesDelta)).toEqual([-5]);
    await expectBalanced(db, [a, b, c]);
  });
});

describe('mail: delivery delay', () => {
  it('is the operator’s (config) when set', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char()];
    const d = { ...deps, config: { ...deps.config, mailDeliveryDelayMs: 5 * 60_000 } };
    const r = await sendMail(d, {
      characterId: a.characterId,
      to: b.name,
      subject: 'x',
      eddies: 1,
    });
    expect(r.deliverAt - deps.clock.ms()).toBe(5 * 60_000);
    expect((await domainError(readMail(d, { characterId: b.characterId, mailId: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('mail: the conservation check', () => {
  it('sees eddies held by a mail that its ledger rows do not explain', async () => {
    const b = await char();
    const { mailId } = await sendSystemMail(deps, {
      toCharacterId: b.characterId,
      subject: 'Pay',
      eddies: 50,
      reason: 'admin',
    });
    await expectBalanced(db, [b]);
    await db.mail.update({ where: { id: mailId }, data: { eddies: 70 } });
    expect(await checkInvariants(db, { characterIds: [b.characterId] })).toEqual([
      { kind: 'mail_eddies', id: mailId, ledger: 50, actual: 70 },
    ]);
    await db.mail.update({ where: { id: mailId }, data: { eddies: 50 } });
    await expectBalanced(db, [b]);
  });
});

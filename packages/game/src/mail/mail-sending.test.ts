// Sending mail: text at once, attachments and eddies after the delivery delay (and
// taken back out), what a sender cannot send, blocks, a full mailbox, the inbox's
// pages, terminals — and the delivery delay an operator sets.
import { uniq } from '@necp/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAIL_ATTACHMENTS_MAX,
  MAIL_DELIVERY_DELAY_MS,
  MAIL_EXPIRY_DAYS,
  MAIL_RANGE,
  MAILBOX_MAX,
  mailPostage,
} from '@necp/shared';
import { domainError, expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { blockCharacter } from '../chat/blocks';
import { equipItem } from '../inventory/equip-item';
import { expectBalanced, give } from '../inventory/test-helpers';
import { deleteMail } from './delete-mail';
import { listMail, readMail } from './read-mail';
import { sendMail } from './send-mail';
import { sendSystemMail } from './send-system-mail';
import { takeMailEddies, takeMailItems } from './take-mail';
import { DAY, mailKit, TERMINAL } from './test-helpers';

const db = testDb(12);
afterAll(() => db.$disconnect());
const deps = testDeps(db);
const { char, eddiesOf, bagOf, inbox, mailsTo, text } = mailKit(db, deps);

describe('mail: sending', () => {
  it('text-only mail arrives at once; reading marks it read; it can be deleted', async () => {
    const [a, b] = [await char({ eddies: 100 }), await char()];
    const sent = await text(a, b, 'Meet at Lizzie’s');
    expect(sent).toEqual({ to: b.name, postage: 5, deliverAt: deps.clock.ms() });
    expect(await eddiesOf(a)).toBe(95);
    const box = await inbox(b);
    expect(box).toMatchObject({ unread: 1, total: 1, nextCursor: null });
    expect(box.items[0]).toMatchObject({
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
    const id = box.items[0]!.id;
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
        sendMail(deps, {
          characterId: a.characterId,
          idempotencyKey: uniq('mail-'),
          to: b.name,
          body: '',
          ...o,
        }),
        'VALIDATION',
      );
    // 64 and 2,000 are fine, newlines in the body too
    await sendMail(deps, {
      characterId: a.characterId,
      idempotencyKey: uniq('mail-'),
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
      idempotencyKey: uniq('mail-'),
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
    expect(await inbox(b)).toMatchObject({ items: [], unread: 0, total: 0 });
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
    const [m] = (await listMail(later, { characterId: b.characterId })).items;
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
      sendMail(deps, {
        characterId: a.characterId,
        idempotencyKey: uniq('mail-'),
        to: b.name,
        subject: 's',
        ...o,
      });
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
      idempotencyKey: uniq('mail-'),
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
      sendMail(deps, {
        characterId: a.characterId,
        idempotencyKey: uniq('mail-'),
        to: b.name,
        subject: 'x',
        eddies: 10_000,
      }),
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
      await sendMail(d, {
        characterId: a.characterId,
        idempotencyKey: uniq('mail-'),
        to: b.name,
        subject: `m${i}`,
      });
      clock.advance(1_000);
    }
    const p1 = await listMail(d, { characterId: b.characterId, limit: 2 });
    expect(p1.items.map((m) => m.subject)).toEqual(['m4', 'm3']);
    expect(p1).toMatchObject({ unread: 5, total: 5 });
    const p2 = await listMail(d, { characterId: b.characterId, limit: 2, cursor: p1.nextCursor! });
    expect(p2.items.map((m) => m.subject)).toEqual(['m2', 'm1']);
    const p3 = await listMail(d, { characterId: b.characterId, limit: 2, cursor: p2.nextCursor! });
    expect(p3.items.map((m) => m.subject)).toEqual(['m0']);
    expect(p3.nextCursor).toBeNull();
    // a cursor is a place in the list, not a mail: in another box it pages that box
    expect(
      (await listMail(d, { characterId: a.characterId, cursor: p1.nextCursor! })).items,
    ).toEqual([]);
    // one the codec did not make for this list is refused
    for (const bad of [
      'bm90LWpzb24',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["x","y"]').toString('base64url'),
    ])
      await expectDomainError(
        listMail(d, { characterId: b.characterId, cursor: bad }),
        'VALIDATION',
      );
  });
});

describe('mail: delivery delay', () => {
  it('is the operator’s (config) when set', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char()];
    const d = { ...deps, config: { ...deps.config, mailDeliveryDelayMs: 5 * 60_000 } };
    const r = await sendMail(d, {
      characterId: a.characterId,
      idempotencyKey: uniq('mail-'),
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

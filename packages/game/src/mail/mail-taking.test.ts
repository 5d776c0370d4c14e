// Taking what a mail holds: exactly once under parallel takes, all or nothing into a
// full bag, only at a terminal (reading, returning and deleting anywhere), and cash on
// delivery — paid once before anything is taken, or the mail goes back when it expires.
import { afterAll, describe, expect, it } from 'vitest';
import { MAIL_DELIVERY_DELAY_MS, MAIL_EXPIRY_DAYS, MAIL_SYSTEM_SENDER } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give } from '../inventory/test-helpers';
import { recordCurrency } from '../ledger/record-currency';
import { expireMail } from './expire-mail';
import { payMailCod } from './pay-mail-cod';
import { listMail, readMail } from './read-mail';
import { returnMail } from './return-mail';
import { takeMailEddies, takeMailItems } from './take-mail';
import { DAY, mailKit, race } from './test-helpers';

const db = testDb(12);
afterAll(() => db.$disconnect());
const deps = testDeps(db);
const { char, eddiesOf, bagOf, arrived } = mailKit(db, deps);

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
    const [back] = (await listMail(later, { characterId: a.characterId })).items;
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
    const notice = (await listMail(later, { characterId: a.characterId })).items[0];
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

// System mail (eddies and items from a named ledger source, in a caller's
// transaction), expiry (unclaimed mail returned, returned and system mail destroyed,
// empty mail deleted; a purged character's mail), and the conservation check of the
// eddies a mail holds.
import { uniq } from '@necp/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MAIL_ATTACHMENTS_MAX,
  MAIL_DELIVERY_DELAY_MS,
  MAIL_EXPIRY_DAYS,
  MAIL_SYSTEM_SENDER,
} from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { purgeExpiredCharacters } from '../characters/purge-expired-characters';
import { expectBalanced, give } from '../inventory/test-helpers';
import { checkInvariants } from '../ledger/check-invariants';
import { expireMail } from './expire-mail';
import { readMail } from './read-mail';
import { returnMail } from './return-mail';
import { sendMail } from './send-mail';
import { sendSystemMail } from './send-system-mail';
import { takeMailEddies, takeMailItems } from './take-mail';
import { DAY, mailKit } from './test-helpers';

const db = testDb(12);
afterAll(() => db.$disconnect());
const deps = testDeps(db);
const { char, eddiesOf, bagOf, inbox, mailsTo, text, arrived } = mailKit(db, deps);

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
      idempotencyKey: uniq('mail-'),
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

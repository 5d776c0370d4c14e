import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, uniq } from '@necp/db/testing';
import { checkInvariants, grantItem, recordCurrency } from '@necp/game';
import { MAIL_DELIVERY_DELAY_MS, mailPostage, zoneById } from '@necp/shared';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

const TERMINAL = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'mail_terminal')!;

/** A signed-in player whose character stands at Watson's mail terminal. */
async function player(deps: ReturnType<typeof testDeps>, eddies = 0) {
  const s = await signedIn(deps, db);
  const c = await createTestCharacter(db, s.user.id, { x: TERMINAL.x + 1, y: TERMINAL.y });
  if (eddies > 0)
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: eddies }),
    );
  return { ...s, id: c.id, name: c.name };
}

describe('mail router', () => {
  it('works for the caller’s own character only; typed errors; bad input refused at the edge', async () => {
    const deps = testDeps(db);
    const a = await player(deps, 1_000);
    const b = await player(deps);
    const pistol = (
      await grantItem(deps, {
        characterId: a.id,
        templateId: 'pistol_unity',
        quantity: 1,
        reason: 'admin',
      })
    )[0]!.itemId;
    expect(
      await a.caller.mail.send({
        characterId: a.id,
        idempotencyKey: uniq('mail-'),
        to: b.name,
        subject: 'Piece',
        eddies: 100,
        attachments: [{ itemId: pistol }],
      }),
    ).toEqual({
      to: b.name,
      postage: mailPostage(1),
      deliverAt: deps.clock.ms() + MAIL_DELIVERY_DELAY_MS,
    });
    // b's account cannot send as a's character, nor read a's box
    expect(
      await rejection(
        b.caller.mail.send({
          characterId: a.id,
          idempotencyKey: uniq('mail-'),
          to: b.name,
          subject: 'x',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(b.caller.mail.list({ characterId: a.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // not arrived yet
    expect(await b.caller.mail.list({ characterId: b.id })).toMatchObject({ items: [], total: 0 });
    deps.clock.advance(MAIL_DELIVERY_DELAY_MS);
    const box = await b.caller.mail.list({ characterId: b.id });
    expect(box).toMatchObject({ unread: 1, total: 1 });
    const mailId = box.items[0]!.id;
    // a's character is not the recipient: NOT_FOUND, as for a missing mail
    expect(await rejection(a.caller.mail.takeItems({ characterId: a.id, mailId }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That mail is no longer there.',
    });
    expect(await rejection(a.caller.mail.delete({ characterId: a.id, mailId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await rejection(b.caller.mail.delete({ characterId: b.id, mailId }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Take what the mail holds first.',
    });
    expect((await b.caller.mail.read({ characterId: b.id, mailId })).read).toBe(true);
    await b.caller.mail.takeItems({ characterId: b.id, mailId });
    expect(await b.caller.mail.takeEddies({ characterId: b.id, mailId })).toMatchObject({
      eddies: 100,
    });
    expect(await rejection(b.caller.mail.payCod({ characterId: b.id, mailId }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Nothing is due on that mail.',
    });
    await b.caller.mail.delete({ characterId: b.id, mailId });

    expect(
      await rejection(
        a.caller.mail.send({
          characterId: a.id,
          idempotencyKey: uniq('mail-'),
          to: a.name,
          subject: 'me',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: 'You cannot mail yourself.' });
    for (const bad of [
      { subject: 'a\u0000b' },
      { subject: 'x'.repeat(65) },
      { subject: 'ok', body: 'x'.repeat(2_001) },
      { subject: 'ok', body: '\uD800' },
      { subject: 'ok', cod: 10 },
      { subject: 'ok', attachments: Array.from({ length: 7 }, (_, i) => ({ itemId: `i${i}` })) },
      { subject: 'ok', to: 'two words' },
    ])
      expect(
        await rejection(
          a.caller.mail.send({
            characterId: a.id,
            idempotencyKey: uniq('mail-'),
            to: b.name,
            ...bad,
          }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST' });

    // away from a terminal
    await db.character.update({ where: { id: a.id }, data: { x: 300, y: 300 } });
    expect(
      await rejection(
        a.caller.mail.send({
          characterId: a.id,
          idempotencyKey: uniq('mail-'),
          to: b.name,
          subject: 'x',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'You need to be at a mail terminal' });
    expect(await checkInvariants(db, { characterIds: [a.id, b.id] })).toEqual([]);
  });

  it('a blocked sender is told the mail went; nothing arrives; returning works', async () => {
    const deps = testDeps(db);
    const a = await player(deps, 500);
    const b = await player(deps, 500);
    await b.caller.friends.block({ characterId: b.id, name: a.name });
    expect(
      await a.caller.mail.send({
        characterId: a.id,
        idempotencyKey: uniq('mail-'),
        to: b.name,
        subject: 'hello?',
      }),
    ).toMatchObject({ to: b.name, postage: mailPostage(0) });
    expect((await b.caller.mail.list({ characterId: b.id })).total).toBe(0);
    // the other way round it arrives, and can be sent back
    await b.caller.mail.send({
      characterId: b.id,
      idempotencyKey: uniq('mail-'),
      to: a.name,
      subject: 'go away',
    });
    const [m] = (await a.caller.mail.list({ characterId: a.id })).items;
    expect(await a.caller.mail.returnToSender({ characterId: a.id, mailId: m!.id })).toEqual({
      ok: true,
    });
    expect((await b.caller.mail.list({ characterId: b.id })).items[0]).toMatchObject({
      kind: 'returned',
      from: a.name,
    });
  });

  it('quote and sent: the caller’s own character only, bad input refused at the edge', async () => {
    const deps = testDeps(db);
    const a = await player(deps, 100);
    const b = await player(deps);
    expect(
      await a.caller.mail.quote({ characterId: a.id, to: b.name, attachments: 2, eddies: 5 }),
    ).toEqual({
      to: b.name,
      postage: mailPostage(2),
      delayMs: MAIL_DELIVERY_DELAY_MS,
      reason: 'stranger',
    });
    await a.caller.mail.send({
      characterId: a.id,
      idempotencyKey: uniq('mail-'),
      to: b.name,
      subject: 'hi',
    });
    expect((await a.caller.mail.sent({ characterId: a.id })).items).toMatchObject([
      { to: b.name, subject: 'hi', state: 'delivered' },
    ]);
    expect((await b.caller.mail.sent({ characterId: b.id })).items).toEqual([]);
    // another account's character: not found, as if it did not exist (each call made when
    // awaited: a second one already rejected while the first is awaited is an unhandled rejection)
    for (const call of [
      () => b.caller.mail.sent({ characterId: a.id }),
      () => b.caller.mail.quote({ characterId: a.id, to: b.name }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(a.caller.mail.quote({ characterId: a.id, to: 'NobodyQz8' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    for (const bad of [
      { to: b.name, attachments: 7 },
      { to: b.name, eddies: -1 },
      { to: 'a\u0000b' },
      { to: '\uDC00' },
      { to: b.name, cod: 1.5 },
    ])
      expect(
        await rejection(a.caller.mail.quote({ characterId: a.id, ...bad } as never)),
      ).toMatchObject({ code: 'BAD_REQUEST' });
    for (const bad of [{ limit: 0 }, { limit: 51 }, { cursor: 'x\u0000' }])
      expect(
        await rejection(a.caller.mail.sent({ characterId: a.id, ...bad } as never)),
      ).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

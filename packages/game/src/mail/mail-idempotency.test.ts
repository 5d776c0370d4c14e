// A send's idempotency key: a second try returns what the first told and moves nothing
// again, the key of another send is refused, concurrent tries make one mail, a key that
// is no id is refused before anything — and a returned mail drops its key.
import { afterAll, describe, expect, it } from 'vitest';
import { MAIL_DELIVERY_DELAY_MS, mailPostage } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give } from '../inventory/test-helpers';
import { returnMail } from './return-mail';
import { sendMail } from './send-mail';
import { mailKit, TERMINAL, type Char } from './test-helpers';

const db = testDb(6);
afterAll(() => db.$disconnect());
const deps = testDeps(db);
const { char, eddiesOf, bagOf, mailsTo } = mailKit(db, deps);

const sentBy = (a: Char) => db.mail.count({ where: { fromId: a.characterId } });

describe('mail: the idempotency key of a send', () => {
  it('a second try with the same key returns the first answer and moves nothing again', async () => {
    const [a, b] = [await char({ eddies: 1_000 }), await char()];
    const stims = await give(db, a, 'stim_basic', 6);
    const input = {
      characterId: a.characterId,
      idempotencyKey: uniq('mail-'),
      to: b.name,
      subject: 'Parcel',
      eddies: 200,
      cod: 50,
      attachments: [{ itemId: stims, quantity: 4 }],
    };
    const first = await sendMail(deps, input);
    expect(first).toEqual({
      to: b.name,
      postage: mailPostage(1),
      deliverAt: deps.clock.ms() + MAIL_DELIVERY_DELAY_MS,
    });
    const purse = 1_000 - mailPostage(1) - 200;
    expect(await eddiesOf(a)).toBe(purse);
    expect(await bagOf(a)).toEqual([['stim_basic', 2]]);
    // later, away from the terminal: the same answer, from the mail the first try made
    const later = { ...deps, clock: testDeps(db).clock };
    later.clock.set(deps.clock.ms() + 60_000);
    await db.character.update({
      where: { id: a.characterId },
      data: { x: TERMINAL.x + 40, y: TERMINAL.y },
    });
    expect(await sendMail(later, input)).toEqual(first);
    expect(await sendMail(deps, input)).toEqual(first);
    expect(await eddiesOf(a)).toBe(purse);
    expect(await bagOf(a)).toEqual([['stim_basic', 2]]);
    expect(await mailsTo(b)).toBe(1);
    await expectBalanced(db, [a, b]);
  });

  it('the key of another send is refused (CONFLICT) and writes nothing', async () => {
    const [a, b, c] = [await char({ eddies: 500 }), await char(), await char({ eddies: 50 })];
    const idempotencyKey = uniq('mail-');
    const send = (o: object) =>
      sendMail(deps, {
        characterId: a.characterId,
        idempotencyKey,
        to: b.name,
        subject: 'hi',
        body: 'text',
        ...o,
      });
    await send({});
    const purse = await eddiesOf(a);
    for (const other of [{ subject: 'bye' }, { body: 'other text' }, { to: c.name }])
      await expectDomainError(
        send(other),
        'CONFLICT',
        'That request was already used for something else: try again.',
      );
    expect(await eddiesOf(a)).toBe(purse);
    expect(await sentBy(a)).toBe(1);
    expect(await mailsTo(c)).toBe(0);
    // the key is the sender's: another sender may draw the same one
    await sendMail(deps, {
      characterId: c.characterId,
      idempotencyKey,
      to: b.name,
      subject: 'hi',
      body: 'text',
    });
    expect(await mailsTo(b)).toBe(2);
    await expectBalanced(db, [a, b, c]);
  });

  it('three tries with one key at once make one mail, paid once', async () => {
    const [a, b] = [await char({ eddies: 500 }), await char()];
    const stims = await give(db, a, 'stim_basic', 3);
    const input = {
      characterId: a.characterId,
      idempotencyKey: uniq('mail-'),
      to: b.name,
      subject: 'Race',
      eddies: 100,
      attachments: [{ itemId: stims }],
    };
    const answers = await Promise.all([1, 2, 3].map(() => sendMail(deps, input)));
    for (const r of answers) expect(r).toEqual(answers[0]);
    expect(await sentBy(a)).toBe(1);
    expect(await eddiesOf(a)).toBe(500 - mailPostage(1) - 100);
    expect(await bagOf(a)).toEqual([]);
    await expectBalanced(db, [a, b]);
  });

  it('a key that is no id is refused before anything', async () => {
    const [a, b] = [await char({ eddies: 100 }), await char()];
    for (const idempotencyKey of ['', 'a\u0000b', 'x'.repeat(100), 'two words'])
      await expectDomainError(
        sendMail(deps, { characterId: a.characterId, idempotencyKey, to: b.name, subject: 'x' }),
        'VALIDATION',
      );
    expect(await eddiesOf(a)).toBe(100);
    expect(await mailsTo(b)).toBe(0);
  });

  it('a returned mail drops its key: it is no send of the one who returned it', async () => {
    const [a, b] = [await char({ eddies: 100 }), await char({ eddies: 100 })];
    const idempotencyKey = uniq('mail-');
    const input = { characterId: a.characterId, idempotencyKey, to: b.name, subject: 'hi' };
    await sendMail(deps, input);
    const mail = await db.mail.findFirstOrThrow({ where: { toId: b.characterId } });
    expect(mail.idempotencyKey).toBe(idempotencyKey);
    await returnMail(deps, { characterId: b.characterId, mailId: mail.id });
    const back = await db.mail.findUniqueOrThrow({ where: { id: mail.id } });
    expect(back).toMatchObject({ toId: a.characterId, fromId: b.characterId, kind: 'returned' });
    expect(back.idempotencyKey).toBeNull();
    // the one who returned it may use that key for a send of their own
    await sendMail(deps, { ...input, characterId: b.characterId, to: a.name });
    expect(await sentBy(b)).toBe(2);
    await expectBalanced(db, [a, b]);
  });
});

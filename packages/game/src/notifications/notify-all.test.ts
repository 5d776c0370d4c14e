// Many notifications in one go (a market batch tells every owner whose order traded):
// per input its id or null when the character turned the kind off (a mandatory kind is
// never off), each character trimmed to the newest NOTIFICATIONS_KEPT on its own, one
// notification.created event each with the time it shows; in the caller's transaction.
import { afterAll, expect, it } from 'vitest';
import { NOTIFICATIONS_KEPT } from '@necp/shared';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { lockCharacter } from '../core/row-locks';
import { inTransaction } from '../core/transaction';
import { testDb, testDeps } from '../accounts/test-deps';
import { notifyAll, notifyNow, type NotifyInput } from './notifications';

const db = testDb();
afterAll(() => db.$disconnect());

async function character() {
  const user = await createTestUser(db);
  return createTestCharacter(db, user.id);
}

it('writes each, skips the muted, trims each character alone and publishes one event each', async () => {
  const deps = testDeps(db);
  const [a, b, c] = [await character(), await character(), await character()];
  await db.notificationMute.create({ data: { characterId: b.id, kind: 'market_fill' } });
  // a already holds all it keeps: its three new ones push its three oldest out
  for (let i = 0; i < NOTIFICATIONS_KEPT; i++)
    await db.notification.create({
      data: {
        characterId: a.id,
        kind: 'cod_paid',
        title: `old${i}`,
        visibleAt: new Date(deps.clock.ms() - 60_000 + i),
      },
    });
  const later = new Date(deps.clock.ms() + 90_000);
  const inputs: NotifyInput[] = [
    { characterId: a.id, kind: 'market_fill', title: 'Sold 1', body: 'one' },
    { characterId: b.id, kind: 'market_fill', title: 'muted' },
    { characterId: a.id, kind: 'market_fill', title: 'Sold 2' },
    { characterId: b.id, kind: 'mute_applied', title: 'mandatory' },
    { characterId: c.id, kind: 'mail_arrived', title: 'later', visibleAt: later },
    { characterId: a.id, kind: 'market_fill', title: 'x'.repeat(200) },
  ];
  const out = await inTransaction(db, (tx) => notifyAll(tx, deps.clock.now(), inputs), {
    direct: true,
  });
  expect(out.map((o) => o !== null)).toEqual([true, false, true, true, true, true]);

  const titles = (characterId: string) =>
    db.notification
      .findMany({ where: { characterId }, orderBy: [{ visibleAt: 'asc' }, { id: 'asc' }] })
      .then((rows) => rows.map((r) => r.title));
  const kept = await titles(a.id);
  expect(kept).toHaveLength(NOTIFICATIONS_KEPT);
  expect(kept.slice(0, 2)).toEqual(['old3', 'old4']);
  expect(kept.slice(-3)).toEqual(expect.arrayContaining(['Sold 1', 'Sold 2', 'x'.repeat(120)]));
  expect(await titles(b.id)).toEqual(['mandatory']);
  const shown = await db.notification.findFirstOrThrow({ where: { characterId: c.id } });
  expect(shown.visibleAt.getTime()).toBe(later.getTime());

  const ids = out.flatMap((o) => (o ? [o.id] : []));
  const events = await db.outboxEvent.findMany({
    where: { key: { in: ids.map((id) => `notification.created:${id}`) } },
  });
  expect(events).toHaveLength(5);
  expect(events.find((e) => e.key.endsWith(out[4]!.id))?.payload).toMatchObject({
    characterId: c.id,
    kind: 'mail_arrived',
    title: 'later',
    visibleAt: later.getTime(),
  });
  expect(events.find((e) => e.key.endsWith(out[0]!.id))?.payload).toMatchObject({
    characterId: a.id,
    title: 'Sold 1',
    body: 'one',
  });
});

it('writes nothing when the transaction rolls back, and nothing for no input', async () => {
  const deps = testDeps(db);
  const a = await character();
  await expect(
    inTransaction(db, async (tx) => {
      await notifyAll(tx, deps.clock.now(), [
        { characterId: a.id, kind: 'market_fill', title: 'gone' },
      ]);
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await db.notification.count({ where: { characterId: a.id } })).toBe(0);
  expect(await inTransaction(db, (tx) => notifyAll(tx, deps.clock.now(), []))).toEqual([]);
});

it('does not wait for a writer holding the character (its lock leaves the key to others)', async () => {
  const deps = testDeps(db);
  const a = await character();
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  // a bid, a placement, a collect: the character locked for the whole transaction
  const writer = inTransaction(db, async (tx) => {
    await lockCharacter(tx, a.id);
    held();
    await released;
  });
  await holding;
  const told = notifyNow(deps, { characterId: a.id, kind: 'market_fill', title: 'meanwhile' });
  const first = await Promise.race([
    told.then(() => 'notified'),
    new Promise((r) => setTimeout(() => r('waited'), 3_000)),
  ]);
  release();
  await writer;
  await told;
  expect(first).toBe('notified');
});

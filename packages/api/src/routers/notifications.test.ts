// Notifications through the API: a friend request, a party invitation and a mute
// notify; preferences turn a kind off (not a mute); read state; someone else's
// character is NOT_FOUND; bad input is BAD_REQUEST; notification.created is published.
import { afterAll, describe, expect, it } from 'vitest';
import { NOTIFICATIONS_KEPT } from '@necp/shared';
import { createTestCharacter } from '@necp/db/testing';
import { inviteToParty, muteAccount, notifyNow } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

describe('notifications router', () => {
  it('lists what happened to the character, marks read, and honours preferences', async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const ca = await createTestCharacter(db, a.user.id);
    const cb = await createTestCharacter(db, b.user.id);

    await a.caller.friends.request({ characterId: ca.id, name: cb.name });
    let list = await b.caller.notifications.list({ characterId: cb.id });
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'friend_request',
      title: `${ca.name} wants to be your friend`,
      read: false,
    });
    const event = await db.outboxEvent.findUnique({
      where: { key: `notification.created:${list.items[0]!.id}` },
    });
    expect(event?.payload).toMatchObject({ characterId: cb.id, kind: 'friend_request' });

    // someone else's character: NOT_FOUND; malformed input: BAD_REQUEST
    expect(await rejection(a.caller.notifications.list({ characterId: cb.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await rejection(a.caller.notifications.markRead({ characterId: cb.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(
        b.caller.notifications.setPref({
          characterId: cb.id,
          kind: 'nope' as never,
          enabled: false,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(b.caller.notifications.markRead({ characterId: cb.id, ids: ['a\u0000'] })),
    ).toMatchObject({ code: 'BAD_REQUEST' });

    // party invitations turned off: the next one writes no notification
    await b.caller.notifications.setPref({
      characterId: cb.id,
      kind: 'party_invite',
      enabled: false,
    });
    await inviteToParty(deps, { characterId: ca.id, name: cb.name });
    list = await b.caller.notifications.list({ characterId: cb.id });
    expect(list.items.map((n) => n.kind)).toEqual(['friend_request']);
    expect(list.muted).toEqual(['party_invite']);
    // a mute cannot be turned off, and reaches every character of the account
    expect(
      await rejection(
        b.caller.notifications.setPref({
          characterId: cb.id,
          kind: 'mute_applied',
          enabled: false,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    await db.user.update({ where: { id: a.user.id }, data: { role: 'MODERATOR' } });
    await muteAccount(deps, {
      userId: b.user.id,
      minutes: 10,
      reason: 'spam',
      byUserId: a.user.id,
    });
    list = await b.caller.notifications.list({ characterId: cb.id });
    expect(list.items[0]).toMatchObject({ kind: 'mute_applied', body: 'spam' });
    expect(list.unread).toBe(2);

    expect(await b.caller.notifications.markRead({ characterId: cb.id })).toEqual({ marked: 2 });
    expect((await b.caller.notifications.list({ characterId: cb.id })).unread).toBe(0);
  });

  it(`keeps the newest ${NOTIFICATIONS_KEPT}; one not yet visible is not listed`, async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const ca = await createTestCharacter(db, a.user.id);
    for (let i = 0; i < NOTIFICATIONS_KEPT + 3; i++)
      await notifyNow(deps, { characterId: ca.id, kind: 'cod_paid', title: `n${i}` });
    expect(await db.notification.count({ where: { characterId: ca.id } })).toBe(NOTIFICATIONS_KEPT);
    await notifyNow(deps, {
      characterId: ca.id,
      kind: 'mail_arrived',
      title: 'later',
      visibleAt: new Date(deps.clock.ms() + 60_000),
    });
    const list = await a.caller.notifications.list({ characterId: ca.id });
    expect(list.items[0]?.title).toBe(`n${NOTIFICATIONS_KEPT + 2}`);
    deps.clock.advance(60_000);
    expect((await a.caller.notifications.list({ characterId: ca.id })).items[0]?.title).toBe(
      'later',
    );
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { FRIENDS_MAX } from '@necp/shared';
import { createTestUser, testCharacterData } from '@necp/db/testing';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { blockCharacter } from '../chat/blocks';
import { newPlayer } from '../inventory/test-helpers';
import {
  acceptFriend,
  dropFriendRequest,
  listFriends,
  removeFriend,
  requestFriend,
} from './friends';

const db = testDb(4);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

async function char() {
  const p = await newPlayer(db);
  const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
  return { id: c.id, name: c.name };
}

describe('friends', () => {
  it('request → accept makes both friends; decline, cancel and remove undo', async () => {
    const [a, b, c] = [await char(), await char(), await char()];
    expect(await requestFriend(deps, { characterId: a.id, name: b.name })).toEqual({
      outcome: 'sent',
      name: b.name,
    });
    // asking twice is one request
    await requestFriend(deps, { characterId: a.id, name: b.name.toLowerCase() });
    const inbox = await listFriends(deps, b.id);
    expect(inbox.incoming.map((r) => r.name)).toEqual([a.name]);
    expect((await listFriends(deps, a.id)).outgoing.map((r) => r.name)).toEqual([b.name]);
    // only the recipient accepts
    const reqId = inbox.incoming[0]!.id;
    expect(
      (await domainError(acceptFriend(deps, { characterId: c.id, requestId: reqId }))).code,
    ).toBe('NOT_FOUND');
    await acceptFriend(deps, { characterId: b.id, requestId: reqId });
    expect((await listFriends(deps, a.id)).friends.map((f) => f.name)).toEqual([b.name]);
    expect((await listFriends(deps, b.id)).friends.map((f) => f.name)).toEqual([a.name]);
    expect((await domainError(requestFriend(deps, { characterId: a.id, name: b.name }))).code).toBe(
      'CONFLICT',
    );
    // an accepted request is gone: accepting again is NOT_FOUND
    expect(
      (await domainError(acceptFriend(deps, { characterId: b.id, requestId: reqId }))).code,
    ).toBe('NOT_FOUND');

    await requestFriend(deps, { characterId: c.id, name: a.name });
    const fromC = (await listFriends(deps, a.id)).incoming[0]!;
    await dropFriendRequest(deps, { characterId: a.id, requestId: fromC.id, as: 'recipient' });
    expect((await listFriends(deps, c.id)).outgoing).toEqual([]);
    await requestFriend(deps, { characterId: c.id, name: a.name });
    const again = (await listFriends(deps, c.id)).outgoing[0]!;
    // a stranger cannot cancel it; its sender can
    expect(
      (
        await domainError(
          dropFriendRequest(deps, { characterId: b.id, requestId: again.id, as: 'sender' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    await dropFriendRequest(deps, { characterId: c.id, requestId: again.id, as: 'sender' });

    await removeFriend(deps, { characterId: b.id, friendId: a.id });
    expect((await listFriends(deps, a.id)).friends).toEqual([]);
    expect(
      (await domainError(removeFriend(deps, { characterId: b.id, friendId: a.id }))).code,
    ).toBe('NOT_FOUND');
  });

  it('crossing requests befriend at once; yourself and the unknown are refused', async () => {
    const [a, b] = [await char(), await char()];
    await requestFriend(deps, { characterId: a.id, name: b.name });
    expect(await requestFriend(deps, { characterId: b.id, name: a.name })).toMatchObject({
      outcome: 'accepted',
    });
    expect((await listFriends(deps, a.id)).friends.map((f) => f.id)).toEqual([b.id]);
    expect((await listFriends(deps, a.id)).incoming).toEqual([]);
    expect((await domainError(requestFriend(deps, { characterId: a.id, name: a.name }))).code).toBe(
      'VALIDATION',
    );
    expect(
      (await domainError(requestFriend(deps, { characterId: a.id, name: 'Nobody-Xx7' }))).code,
    ).toBe('NOT_FOUND');
  });

  it('a block ends the friendship; the blocked side’s requests vanish silently', async () => {
    const [a, b] = [await char(), await char()];
    await requestFriend(deps, { characterId: a.id, name: b.name });
    await requestFriend(deps, { characterId: b.id, name: a.name });
    await blockCharacter(deps, { characterId: b.id, name: a.name });
    expect((await listFriends(deps, a.id)).friends).toEqual([]);
    expect(await requestFriend(deps, { characterId: a.id, name: b.name })).toEqual({
      outcome: 'sent',
      name: b.name,
    });
    expect((await listFriends(deps, b.id)).incoming).toEqual([]);
    // the blocker's list shows whom it ignores (to unignore from the friends window)
    expect((await listFriends(deps, b.id)).blocked).toMatchObject([{ id: a.id, name: a.name }]);
    expect((await listFriends(deps, a.id)).blocked).toEqual([]);
    // and the blocker must unignore before asking
    expect(
      (await domainError(requestFriend(deps, { characterId: b.id, name: a.name }))).userMessage,
    ).toBe(`Unignore ${a.name} first.`);
  });

  it(`at most ${FRIENDS_MAX} friends: the request and the accept that would pass it are refused`, async () => {
    const [a, b] = [await char(), await char()];
    const filler = await createTestUser(db);
    const rows = Array.from({ length: FRIENDS_MAX }, () => testCharacterData(filler.id));
    await db.character.createMany({ data: rows });
    const ids = (
      await db.character.findMany({ where: { userId: filler.id }, select: { id: true } })
    ).map((c) => c.id);
    await db.friendship.createMany({
      data: ids.flatMap((id) => [
        { characterId: a.id, friendId: id },
        { characterId: id, friendId: a.id },
      ]),
    });
    expect(
      (await domainError(requestFriend(deps, { characterId: a.id, name: b.name }))).userMessage,
    ).toBe(`Your friends list is full (${FRIENDS_MAX}).`);
    await requestFriend(deps, { characterId: b.id, name: a.name });
    const req = (await listFriends(deps, a.id)).incoming[0]!;
    expect(
      (await domainError(acceptFriend(deps, { characterId: a.id, requestId: req.id }))).code,
    ).toBe('CONFLICT');
  });

  it('friend.added is named by the request it answers: a retried accept adds none, a new friendship one', async () => {
    const [a, b] = [await char(), await char()];
    const added = () =>
      db.outboxEvent.findMany({
        where: { type: 'friend.added', key: { startsWith: `friend.added:${b.id}:${a.id}:` } },
      });
    const befriend = async () => {
      await requestFriend(deps, { characterId: a.id, name: b.name });
      const req = (await listFriends(deps, b.id)).incoming[0]!;
      await acceptFriend(deps, { characterId: b.id, requestId: req.id });
      // the accept again (its answer lost): the request is spent, nothing more is published
      expect(
        (await domainError(acceptFriend(deps, { characterId: b.id, requestId: req.id }))).code,
      ).toBe('NOT_FOUND');
      return req.id;
    };
    const first = await befriend();
    expect((await added()).map((e) => e.key)).toEqual([`friend.added:${b.id}:${a.id}:${first}`]);
    await removeFriend(deps, { characterId: a.id, friendId: b.id });
    const second = await befriend();
    expect(second).not.toBe(first);
    expect(await added()).toHaveLength(2);
  });
});

/**
 * Friends: request, accept, decline, cancel, remove — between characters, at most
 * FRIENDS_MAX each. A request to someone who blocks you is silently dropped (you see
 * it as sent); a request to someone who already asked you accepts theirs. Caps are
 * counted under both characters' row locks (taken in id order), so two accepts at
 * once cannot pass a cap together. See docs/social.md.
 */
import { CHARACTER_BLOCK_MAX, FRIEND_REQUESTS_OUT_MAX, FRIENDS_MAX } from '@necp/shared';
import type { PresenceStatus } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { isBlocked } from '../chat/blocks';
import { characterByName } from '../chat/characters-by-name';
import { presenceOf } from './presence';
import { notify } from '../notifications/notifications';
import { publishEvent } from '../outbox/publish-event';
import { inTransaction } from '../core/transaction';
import { lockCharacters } from '../core/lock-order';

const full = (who: string) =>
  new DomainError('CONFLICT', 'friends full', `${who} friends list is full (${FRIENDS_MAX}).`);

/** `requestId`: the request this friendship answers (consumed here), which names its friend.added */
async function befriend(tx: Tx, a: string, b: string, requestId: string): Promise<void> {
  const [na, nb] = await Promise.all([
    tx.friendship.count({ where: { characterId: a } }),
    tx.friendship.count({ where: { characterId: b } }),
  ]);
  if (na >= FRIENDS_MAX) throw full('Your');
  if (nb >= FRIENDS_MAX) throw full('Their');
  const made = await tx.friendship.createMany({
    data: [
      { characterId: a, friendId: b },
      { characterId: b, friendId: a },
    ],
    skipDuplicates: true,
  });
  // friend.added (achievements): both counts as they are now, under both rows' locks
  if (made.count > 0) {
    const [fa, fb] = await Promise.all([
      tx.friendship.count({ where: { characterId: a } }),
      tx.friendship.count({ where: { characterId: b } }),
    ]);
    await publishEvent(tx, {
      type: 'friend.added',
      key: `friend.added:${a}:${b}:${requestId}`,
      payload: {
        characters: [
          { characterId: a, friends: fa },
          { characterId: b, friends: fb },
        ],
      },
    });
  }
  await tx.friendRequest.deleteMany({
    where: {
      OR: [
        { fromId: a, toId: b },
        { fromId: b, toId: a },
      ],
    },
  });
}

export type FriendRequestOutcome = 'sent' | 'accepted';

export async function requestFriend(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { characterId: string; name: string },
): Promise<{ outcome: FriendRequestOutcome; name: string }> {
  const me = input.characterId;
  const target = await characterByName(deps, input.name);
  if (target.id === me)
    throw new DomainError('VALIDATION', 'friend self', 'You cannot befriend yourself.');
  if (await isBlocked(deps, me, target.id))
    throw new DomainError('VALIDATION', 'friend blocked', `Unignore ${target.name} first.`);
  // the blocked side is not told: its request "goes out" and nothing is written
  if (await isBlocked(deps, target.id, me)) return { outcome: 'sent', name: target.name };
  return inTransaction(deps.db, async (tx) => {
    await lockCharacters(tx, [me, target.id], { includeDeleted: true });
    const already = await tx.friendship.findUnique({
      where: { characterId_friendId: { characterId: me, friendId: target.id } },
    });
    if (already)
      throw new DomainError(
        'CONFLICT',
        'already friends',
        `${target.name} is already your friend.`,
      );
    const theirs = await tx.friendRequest.findUnique({
      where: { fromId_toId: { fromId: target.id, toId: me } },
    });
    if (theirs) {
      await befriend(tx, me, target.id, theirs.id);
      return { outcome: 'accepted' as const, name: target.name };
    }
    const pending = await tx.friendRequest.count({ where: { fromId: me } });
    const mine = await tx.friendRequest.findUnique({
      where: { fromId_toId: { fromId: me, toId: target.id } },
    });
    if (!mine && pending >= FRIEND_REQUESTS_OUT_MAX)
      throw new DomainError(
        'CONFLICT',
        'too many requests',
        `You have ${FRIEND_REQUESTS_OUT_MAX} requests waiting. Cancel some first.`,
      );
    if ((await tx.friendship.count({ where: { characterId: me } })) >= FRIENDS_MAX)
      throw full('Your');
    if (!mine) {
      await tx.friendRequest.create({ data: { fromId: me, toId: target.id } });
      const { name } = await tx.character.findUniqueOrThrow({ where: { id: me } });
      await notify(tx, deps.clock.now(), {
        characterId: target.id,
        kind: 'friend_request',
        title: `${name} wants to be your friend`,
        body: 'Answer in the friends window (O).',
      });
    }
    return { outcome: 'sent' as const, name: target.name };
  });
}

/** Accept a request made to you. */
export async function acceptFriend(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; requestId: string },
): Promise<{ friendId: string }> {
  const req = await deps.db.friendRequest.findFirst({
    where: { id: input.requestId, toId: input.characterId },
  });
  if (!req) throw gone();
  return inTransaction(deps.db, async (tx) => {
    await lockCharacters(tx, [req.fromId, req.toId], { includeDeleted: true });
    // still there under the locks (a cancel may have won)
    const still = await tx.friendRequest.findUnique({ where: { id: req.id } });
    if (!still) throw gone();
    await befriend(tx, req.toId, req.fromId, req.id);
    return { friendId: req.fromId };
  });
}

const gone = () =>
  new DomainError('NOT_FOUND', 'friend request gone', 'That request is no longer there.');

/** Decline a request made to you, or cancel one you made. */
export async function dropFriendRequest(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; requestId: string; as: 'recipient' | 'sender' },
): Promise<void> {
  const r = await deps.db.friendRequest.deleteMany({
    where:
      input.as === 'recipient'
        ? { id: input.requestId, toId: input.characterId }
        : { id: input.requestId, fromId: input.characterId },
  });
  if (r.count === 0) throw gone();
}

/** Remove a friend (both sides' rows). */
export async function removeFriend(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; friendId: string },
): Promise<void> {
  const r = await deps.db.friendship.deleteMany({
    where: {
      OR: [
        { characterId: input.characterId, friendId: input.friendId },
        { characterId: input.friendId, friendId: input.characterId },
      ],
    },
  });
  if (r.count === 0)
    throw new DomainError('NOT_FOUND', 'not a friend', 'That character is not on your list.');
}

export interface FriendView {
  id: string;
  name: string;
  level: number;
  class: string;
  /** online / afk / offline, and the district while in the world (the last saved one otherwise) */
  status: PresenceStatus;
  zoneId: string;
  lastSeenAt: number | null;
  since: number;
}

export interface FriendsView {
  friends: FriendView[];
  incoming: { id: string; fromId: string; name: string; at: number }[];
  outgoing: { id: string; toId: string; name: string; at: number }[];
  /** the characters this one blocks (ignores), newest first */
  blocked: { id: string; name: string; at: number }[];
}

export async function listFriends(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterId: string,
): Promise<FriendsView> {
  const [friends, incoming, outgoing, blocked] = await Promise.all([
    deps.db.friendship.findMany({
      where: { characterId, friend: { deletedAt: null } },
      include: { friend: true },
      orderBy: { since: 'asc' },
      take: FRIENDS_MAX,
    }),
    deps.db.friendRequest.findMany({
      where: { toId: characterId },
      include: { from: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
      take: 200,
    }),
    deps.db.friendRequest.findMany({
      where: { fromId: characterId },
      include: { to: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
      take: FRIEND_REQUESTS_OUT_MAX,
    }),
    deps.db.characterBlock.findMany({
      where: { blockerId: characterId },
      include: { blocked: { select: { name: true } } },
      orderBy: { createdAt: 'desc' },
      take: CHARACTER_BLOCK_MAX,
    }),
  ]);
  const presence = await presenceOf(
    deps,
    friends.map((f) => f.friendId),
  );
  return {
    friends: friends.map((f) => ({
      id: f.friend.id,
      name: f.friend.name,
      level: f.friend.level,
      class: f.friend.class,
      status: presence.get(f.friendId)?.status ?? 'offline',
      zoneId: presence.get(f.friendId)?.zoneId ?? f.friend.zoneId,
      lastSeenAt: f.friend.lastPlayedAt?.getTime() ?? null,
      since: f.since.getTime(),
    })),
    incoming: incoming.map((r) => ({
      id: r.id,
      fromId: r.fromId,
      name: r.from.name,
      at: r.createdAt.getTime(),
    })),
    outgoing: outgoing.map((r) => ({
      id: r.id,
      toId: r.toId,
      name: r.to.name,
      at: r.createdAt.getTime(),
    })),
    blocked: blocked.map((b) => ({
      id: b.blockedId,
      name: b.blocked.name,
      at: b.createdAt.getTime(),
    })),
  };
}

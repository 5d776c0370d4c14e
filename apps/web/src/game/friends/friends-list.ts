/**
 * The friends window's pure rules: the order of the list, "last seen" and
 * "where" texts, and a friend:presence applied to the cached list (no refetch)
 * with the toast it deserves. The server decides friendships; these only show them.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@necp/api';
import { CLASSES, FRIENDS_MAX, type FriendPresenceMsg, type PresenceStatus } from '@necp/shared';
import { zoneDisplayName } from '../world/zone-lookup';

/** friends.list as the API answers it */
export type FriendsList = inferRouterOutputs<AppRouter>['friends']['list'];
export type Friend = FriendsList['friends'][number];
export type IncomingRequest = FriendsList['incoming'][number];
export type OutgoingRequest = FriendsList['outgoing'][number];

const STATUS_ORDER: Record<PresenceStatus, number> = { online: 0, afk: 1, offline: 2 };

export const STATUS_LABEL: Record<PresenceStatus, string> = {
  online: 'Online',
  afk: 'AFK',
  offline: 'Offline',
};

/** Online first, then AFK, then offline; by name within each (case-insensitive). */
export function sortFriends(friends: readonly Friend[]): Friend[] {
  return [...friends].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "last seen 5 min ago" / "3 h ago" / "2 d ago"; "offline" when never seen. */
export function lastSeenText(at: number | null, now: number): string {
  if (at === null) return 'offline';
  // a clock a little ahead of ours is "just now", not "in 2 min"
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return 'last seen just now';
  if (ago < HOUR) return `last seen ${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `last seen ${Math.floor(ago / HOUR)} h ago`;
  return `last seen ${Math.floor(ago / DAY)} d ago`;
}

/** a district's or an instance's name ("Neon Pit Arena", not its match id) */
export const zoneName = (zoneId: string) => zoneDisplayName(zoneId);

export const classLabel = (classId: string) =>
  CLASSES.find((c) => c.id === classId)?.name ?? classId;

/** The district while online or AFK, else when the friend was last seen. */
export function whereText(f: Friend, now: number): string {
  return f.status === 'offline' ? lastSeenText(f.lastSeenAt, now) : zoneName(f.zoneId);
}

export const friendsCount = (list: FriendsList) => `${list.friends.length} / ${FRIENDS_MAX}`;

/**
 * The cached list with one friend's presence changed in place. The same object
 * when there is no list or the friend is not on it (a friendship made since the
 * list was read: the caller refetches). Leaving stamps "last seen" `now` (server epoch
 * ms, as the list's own times); the district is kept when the message has none (offline).
 */
export function applyPresence(
  list: FriendsList | undefined,
  msg: FriendPresenceMsg,
  now: number,
): FriendsList | undefined {
  if (!list || !list.friends.some((f) => f.id === msg.id)) return list;
  return {
    ...list,
    friends: list.friends.map((f) =>
      f.id === msg.id
        ? {
            ...f,
            name: msg.name,
            status: msg.status,
            zoneId: msg.zoneId ?? f.zoneId,
            lastSeenAt: msg.status === 'offline' && f.status !== 'offline' ? now : f.lastSeenAt,
          }
        : f,
    ),
  };
}

/**
 * The toast a presence change deserves: coming online (not back from AFK, not a
 * metro ride) and going offline. AFK is not news. `before`: the status the list
 * had (undefined: not on the cached list).
 */
export function presenceNotice(
  before: PresenceStatus | undefined,
  msg: FriendPresenceMsg,
): string | null {
  if (msg.status === 'online' && (before === undefined || before === 'offline'))
    return `${msg.name} is online.`;
  if (msg.status === 'offline' && before !== 'offline') return `${msg.name} went offline.`;
  return null;
}

/** A request's answer as the player reads it. */
export const requestOutcomeText = (r: { outcome: 'sent' | 'accepted'; name: string }) =>
  r.outcome === 'sent' ? `Friend request sent to ${r.name}.` : `You and ${r.name} are now friends.`;

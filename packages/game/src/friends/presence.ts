/**
 * Presence: whether a character is in the world (online or AFK) and in which
 * district, kept in PostgreSQL by the sim that holds it, so every web and sim process
 * reads the same answer with or without Redis. Each change returns the friends to
 * tell (presencePushes: `friend:presence` to them).
 */
import {
  FRIENDS_MAX,
  PRESENCE_STALE_MS,
  emitTo,
  type PresenceStatus,
  type Push,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';

export interface PresenceChange {
  characterId: string;
  name: string;
  status: PresenceStatus;
  zoneId: string | null;
  /** the friends to tell */
  friendIds: string[];
}

/** A change as its friends hear it (none: nothing changed, or nobody to tell). */
export function presencePushes(change: PresenceChange | null): Push[] {
  if (!change || change.friendIds.length === 0) return [];
  const msg = {
    id: change.characterId,
    name: change.name,
    status: change.status,
    zoneId: change.zoneId,
  };
  return [emitTo({ characters: change.friendIds }, 'friend:presence', msg)];
}

async function friendsOf(deps: Pick<GameDeps, 'db'>, characterId: string): Promise<string[]> {
  const rows = await deps.db.friendship.findMany({
    where: { characterId },
    select: { friendId: true },
    take: FRIENDS_MAX,
  });
  return rows.map((r) => r.friendId);
}

/** The character is in the world (entered, changed district, back from AFK, or AFK). */
export async function setPresence(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  p: {
    characterId: string;
    name: string;
    status: 'online' | 'afk';
    zoneId: string;
    holder: string;
  },
): Promise<PresenceChange> {
  const now = deps.clock.now();
  const { holder, ...change } = p;
  await deps.db.characterPresence.upsert({
    where: { characterId: p.characterId },
    create: { characterId: p.characterId, status: p.status, zoneId: p.zoneId, holder, seenAt: now },
    update: { status: p.status, zoneId: p.zoneId, holder, seenAt: now },
  });
  return { ...change, friendIds: await friendsOf(deps, p.characterId) };
}

/**
 * The character's connection `holder` left the world. Null (nothing to tell) when a
 * newer connection holds the character already (a takeover, on this process or another).
 */
export async function clearPresence(
  deps: Pick<GameDeps, 'db'>,
  p: { characterId: string; name: string; holder: string },
): Promise<PresenceChange | null> {
  const r = await deps.db.characterPresence.deleteMany({
    where: { characterId: p.characterId, holder: p.holder },
  });
  if (r.count === 0) return null;
  return {
    characterId: p.characterId,
    name: p.name,
    status: 'offline',
    zoneId: null,
    friendIds: await friendsOf(deps, p.characterId),
  };
}

/** Still here: one statement for every character a sim holds (its periodic refresh). */
export async function refreshPresence(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterIds: readonly string[],
): Promise<void> {
  if (characterIds.length === 0) return;
  await deps.db.characterPresence.updateMany({
    where: { characterId: { in: [...characterIds] } },
    data: { seenAt: deps.clock.now() },
  });
}

/** Presence of some characters now (a stale row — its sim died — is offline). */
export async function presenceOf(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterIds: readonly string[],
): Promise<Map<string, { status: PresenceStatus; zoneId: string | null }>> {
  const out = new Map<string, { status: PresenceStatus; zoneId: string | null }>();
  for (const id of characterIds) out.set(id, { status: 'offline', zoneId: null });
  if (characterIds.length === 0) return out;
  const rows = await deps.db.characterPresence.findMany({
    where: {
      characterId: { in: [...characterIds] },
      seenAt: { gt: new Date(deps.clock.ms() - PRESENCE_STALE_MS) },
    },
  });
  for (const r of rows)
    out.set(r.characterId, {
      status: closedSet.CharacterPresence.status.parse(r.status),
      zoneId: r.zoneId,
    });
  return out;
}

/**
 * Who is in which instance, in PostgreSQL (docs/instances.md). A character in an
 * instance keeps its open-world zoneId/x/y as the return point (instances never
 * write positions) and carries `instanceId`: the web's ticket names the process
 * running that instance, and a character whose instance is gone lands back at its
 * return point. Every change is conditional, so a repeated or racing call is a no-op.
 */
import type { GameDeps } from '../core/deps';
import { inTransaction } from '../core/transaction';

export interface OpenInstanceInput {
  /** the instance zone's id (instanceZoneId) */
  zoneId: string;
  matchId: string;
  templateId: string;
  kind: 'arena' | 'dungeon' | 'raid';
  /** the sim process running it (its zone-lease owner id) */
  hostId: string;
  memberIds: readonly string[];
}

/**
 * Records the instance and puts its members in it: those in the open world (or in
 * an instance that has closed) — a member already in another open instance stays
 * there. Returns who was put in, in id order. Opening the same match again adds
 * nobody twice (the row is unique per match).
 */
export async function openInstance(
  deps: Pick<GameDeps, 'db'>,
  input: OpenInstanceInput,
): Promise<{ entered: string[] }> {
  return inTransaction(deps.db, async (tx) => {
    const created = await tx.instance.createMany({
      data: [
        {
          id: input.zoneId,
          matchId: input.matchId,
          templateId: input.templateId,
          kind: input.kind,
          hostId: input.hostId,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 0) return { entered: [] };
    const ids = [...new Set(input.memberIds)].sort();
    await tx.character.updateMany({
      where: {
        id: { in: ids },
        deletedAt: null,
        OR: [{ instanceId: null }, { instance: { state: 'closed' } }],
      },
      data: { instanceId: input.zoneId },
    });
    const inside = await tx.character.findMany({
      where: { id: { in: ids }, instanceId: input.zoneId },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    return { entered: inside.map((c) => c.id) };
  });
}

/**
 * A replacement joins an open instance (a dungeon's backfill): put in when it is in
 * the open world (or in an instance that has closed). False: the instance is not
 * open, or the character is in another open instance.
 */
export async function joinInstance(
  deps: Pick<GameDeps, 'db'>,
  input: { zoneId: string; characterId: string },
): Promise<boolean> {
  return inTransaction(deps.db, async (tx) => {
    const open = await tx.instance.count({ where: { id: input.zoneId, state: 'open' } });
    if (open === 0) return false;
    const { count } = await tx.character.updateMany({
      where: {
        id: input.characterId,
        deletedAt: null,
        OR: [{ instanceId: null }, { instance: { state: 'closed' } }],
      },
      data: { instanceId: input.zoneId },
    });
    return count === 1;
  });
}

/** The character leaves the instance for the open world. False: it was not in it. */
export async function leaveInstance(
  deps: Pick<GameDeps, 'db'>,
  input: { zoneId: string; characterId: string },
): Promise<boolean> {
  const { count } = await deps.db.character.updateMany({
    where: { id: input.characterId, instanceId: input.zoneId },
    data: { instanceId: null },
  });
  return count === 1;
}

export type InstanceCloseReason = 'finished' | 'empty' | 'host_lost' | 'abandoned';

/**
 * Closes the instance once (the call that finds it open) and sends everyone still
 * in it back to the open world. Returns who was still inside (empty when it was
 * already closed or unknown).
 */
export async function closeInstance(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { zoneId: string; reason: InstanceCloseReason },
): Promise<{ closed: boolean; returned: string[] }> {
  return inTransaction(deps.db, async (tx) => {
    const { count } = await tx.instance.updateMany({
      where: { id: input.zoneId, state: 'open' },
      data: { state: 'closed', closedAt: deps.clock.now(), closeReason: input.reason },
    });
    const inside = await tx.character.findMany({
      where: { instanceId: input.zoneId },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    if (inside.length > 0)
      await tx.character.updateMany({
        where: { instanceId: input.zoneId },
        data: { instanceId: null },
      });
    return { closed: count === 1, returned: inside.map((c) => c.id) };
  });
}

/** The instance's row (null: no such instance). */
export async function findInstance(deps: Pick<GameDeps, 'db'>, zoneId: string) {
  return deps.db.instance.findUnique({ where: { id: zoneId } });
}

/** The instance of a match (null: none opened yet). */
export async function findInstanceOfMatch(deps: Pick<GameDeps, 'db'>, matchId: string) {
  return deps.db.instance.findUnique({ where: { matchId } });
}

/**
 * Test-only helpers for the achievement tests (not exported from the package):
 * events built in memory or read back from the outbox table (what the domain
 * published), handed to the subscriber the way the drain does, and the rows to check.
 */
import type { Db } from '@necp/db';
import { createLog } from '../core/log';
import { FakeClock } from '../core/clock';
import { parseOutboxEvent, type OutboxEvent } from '../outbox/events';
import { deliver, killEvent, outboxEvent } from '../quests/test-helpers';
import { newPlayer } from '../inventory/test-helpers';
import { achievementOutboxSubscriber } from './achievement-subscriber';

export { deliver, killEvent, newPlayer, outboxEvent };

export const achievementSub = (clock = new FakeClock()) =>
  achievementOutboxSubscriber({ clock, log: createLog('t', 'silent') });

/** Hands each event to the subscriber, one transaction each. */
export async function deliverAll(db: Db, events: readonly OutboxEvent[], sub = achievementSub()) {
  for (const e of events) await deliver(db, sub, e);
}

/** The events the domain published whose keys start with `prefix`, parsed, oldest first. */
export async function published(db: Db, prefix: string): Promise<OutboxEvent[]> {
  const rows = await db.outboxEvent.findMany({
    where: { key: { startsWith: prefix } },
    orderBy: { id: 'asc' },
  });
  return rows.map(parseOutboxEvent);
}

/** A character's progress row of one achievement (null: none yet). */
export const progressOf = (db: Db, characterId: string, achievementId: string) =>
  db.characterAchievement.findUnique({
    where: { characterId_achievementId: { characterId, achievementId } },
  });

/** The ids of the achievements the character completed, sorted. */
export async function earnedIds(db: Db, characterId: string): Promise<string[]> {
  const rows = await db.characterAchievement.findMany({
    where: { characterId, completedAt: { not: null } },
    select: { achievementId: true },
  });
  return rows.map((r) => r.achievementId).toSorted();
}

export const pointsOf = async (db: Db, characterId: string) =>
  (await db.character.findUniqueOrThrow({ where: { id: characterId } })).achievementPoints;

/** The titles of the character's `achievement` notifications, sorted. */
export async function toasts(db: Db, characterId: string): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: { characterId, kind: 'achievement' },
  });
  return rows.map((r) => r.title).toSorted();
}

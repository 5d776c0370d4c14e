/**
 * Test-only helpers for the quest and dialogue tests (not exported from the
 * package). Outbox events are built in memory and handed to the subscriber inside
 * a transaction (other suites drain the shared outbox table too); positions are
 * set next to contacts straight through Prisma, like the sim would save them.
 */
import { contactById, questById, totalXpForLevel, type Push, type Quest } from '@necp/shared';
import type { Db } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { newPlayer, type Player } from '../inventory/test-helpers';
import { uniq } from '@necp/db/testing';
import type { OutboxEvent, OutboxEventType, OutboxPayloads } from '../outbox/events';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { toQuestRow } from './quest-rows';

export { newPlayer, type Player };

/** Moves the character next to a contact (1 m east of it). */
export async function standAt(db: Db, p: Player, contactId: string) {
  const c = contactById(contactId);
  if (!c) throw new Error(`no contact ${contactId}`);
  await db.character.update({
    where: { id: p.characterId },
    data: { zoneId: c.zoneId, x: c.x + 1, y: c.y },
  });
}

/** A fresh player standing next to `contactId`, with optional level/attributes/eddies. */
export async function playerAt(
  db: Db,
  contactId: string,
  o: { level?: number; cool?: number; bagSlots?: number } = {},
): Promise<Player> {
  const p = await newPlayer(db, {
    ...(o.level ? { level: o.level } : {}),
    ...(o.bagSlots !== undefined ? { bagSlots: o.bagSlots } : {}),
  });
  await standAt(db, p, contactId);
  await db.character.update({
    where: { id: p.characterId },
    // XP to match the level, so XP grants count from there
    data: { xp: totalXpForLevel(o.level ?? 1), ...(o.cool !== undefined ? { cool: o.cool } : {}) },
  });
  return p;
}

export function quest(id: string): Quest {
  const q = questById(id);
  if (!q) throw new Error(`no quest ${id}`);
  return q;
}

/** The stored row of a character's quest run (periodKey 'once' unless given). */
export async function questRow(db: Db, p: Player, questId: string, periodKey = 'once') {
  const r = await db.characterQuest.findUnique({
    where: {
      characterId_questId_periodKey: { characterId: p.characterId, questId, periodKey },
    },
  });
  return r ? toQuestRow(r) : null;
}

let nextId = 1n;
/** An outbox event as the drain hands it to subscribers (not stored). */
export function outboxEvent<T extends OutboxEventType>(
  type: T,
  payload: OutboxPayloads[T],
  key = uniq(`${type}:`),
): OutboxEvent<T> {
  return { id: nextId++, type, key, payload, createdAt: new Date() } as OutboxEvent<T>;
}

export const killEvent = (
  killers: readonly Player[],
  npcTemplateId: string,
  o: { key?: string; rank?: 'normal' | 'elite' | 'boss'; name?: string } = {},
) =>
  outboxEvent(
    'npc.killed',
    {
      zoneId: 'watson',
      npcTemplateId,
      npcName: o.name ?? npcTemplateId,
      level: 3,
      rank: o.rank ?? 'normal',
      x: 100,
      y: 100,
      killers: killers.map((k) => ({ characterId: k.characterId, damage: 50, xp: 10 })),
      lootOwnerId: killers[0]?.characterId ?? null,
    },
    o.key,
  );

/**
 * Hands one event to a subscriber the way the drain does: in a transaction, with
 * afterCommit callbacks run only once it committed (its pushes go nowhere unless the
 * subscriber was wrapped by an inbox's `hear`).
 */
export async function deliver(db: Db, sub: OutboxSubscriber, event: OutboxEvent): Promise<void> {
  let pending: (() => void)[] = [];
  // the one way, as the drain's (20 s, reruns): deliveries at once queue on the character's
  // lock; a rerun starts with nothing to do after the commit
  await inTransaction(db, (tx) => {
    pending = [];
    return sub.handle(tx, event, {
      afterCommit: (fn) => pending.push(fn),
      push: () => undefined,
    });
  });
  for (const fn of pending) fn();
}

/** Records what a subscriber told players: its pushes of one event kind, per character. */
export function inbox<M>() {
  const sent: { characterId: string; msg: M }[] = [];
  const record = (pushes: readonly Push[]) => {
    for (const p of pushes)
      if (p.kind === 'emit' && 'characters' in p.to)
        for (const characterId of p.to.characters) sent.push({ characterId, msg: p.msg as M });
  };
  return {
    sent,
    /** the subscriber as a drain with a push sink runs it: its pushes land here after the commit */
    hear: (sub: OutboxSubscriber): OutboxSubscriber => ({
      ...sub,
      handle: (tx, event, ctx) =>
        sub.handle(tx, event, {
          ...ctx,
          push: (...pushes) => ctx.afterCommit(() => record(pushes)),
        }),
    }),
    to: (p: Player) => sent.filter((s) => s.characterId === p.characterId).map((s) => s.msg),
  };
}

/** Sets up a run straight in the table (state and progress as given), like a finished scenario. */
export async function storeRun(
  db: Db,
  p: Player,
  questId: string,
  o: {
    state: 'active' | 'ready' | 'completed' | 'failed' | 'abandoned';
    progress?: Record<string, number>;
    periodKey?: string;
    acceptedAt?: Date;
    deadline?: Date | null;
  },
) {
  const q = quest(questId);
  const full = Object.fromEntries(
    q.objectives.map((x) => [x.id, 'count' in x && typeof x.count === 'number' ? x.count : 1]),
  );
  const acceptedAt = o.acceptedAt ?? new Date(Date.UTC(2026, 0, 1));
  return db.characterQuest.create({
    data: {
      characterId: p.characterId,
      questId,
      periodKey: o.periodKey ?? 'once',
      state: o.state,
      progress: o.progress ?? (o.state === 'active' ? {} : full),
      acceptedAt,
      deadline: o.deadline ?? null,
      ...(o.state === 'ready' ? { readyAt: acceptedAt } : {}),
      ...(o.state === 'completed' ? { completedAt: acceptedAt } : {}),
    },
  });
}

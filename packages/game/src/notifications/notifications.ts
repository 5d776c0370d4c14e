/**
 * Persistent notifications (docs/social.md "Notifications"). `notify` writes one in
 * the caller's transaction — so it exists exactly when what it tells of does — unless
 * the character turned that kind off, keeps the newest NOTIFICATIONS_KEPT, and
 * publishes `notification.created`, which the sims push to the character's sockets
 * on whichever process (apps/sim outbox reactions). Reading is per character.
 */
import {
  MANDATORY_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATIONS_KEPT,
  NOTIFICATIONS_PAGE,
  type NotificationKind,
  type NotificationView,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { newRowId } from '../core/row-ids';
import { publishEvent } from '../outbox/publish-event';
import { inTransaction } from '../core/transaction';

export interface NotifyInput {
  characterId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** when it shows (default now): mail on its way notifies at its arrival */
  visibleAt?: Date;
}

/** Writes the notification (inside `tx`); null when the character turned the kind off. */
export async function notify(
  tx: Tx,
  now: Date,
  input: NotifyInput,
): Promise<{ id: string } | null> {
  const visibleAt = input.visibleAt ?? now;
  const mandatory = MANDATORY_NOTIFICATION_KINDS.includes(input.kind);
  // written unless muted, and the oldest beyond NOTIFICATIONS_KEPT (by when they show)
  // trimmed, in one statement: notices come with every market fill
  const rows = await tx.$queryRaw<{ id: string; title: string; body: string }[]>`
    WITH made AS (
      INSERT INTO "Notification" ("id", "characterId", "kind", "title", "body", "visibleAt",
        "createdAt")
      SELECT ${newRowId()}::text, ${input.characterId}::text, ${input.kind}::text,
        ${input.title.slice(0, 120)}::text, ${(input.body ?? '').slice(0, 500)}::text,
        ${visibleAt}::timestamp, ${now}::timestamp
      WHERE ${mandatory}::boolean OR NOT EXISTS (
        SELECT 1 FROM "NotificationMute"
        WHERE "characterId" = ${input.characterId} AND "kind" = ${input.kind})
      RETURNING "id", "title", "body", "visibleAt"),
    trimmed AS (
      DELETE FROM "Notification" WHERE "characterId" = ${input.characterId} AND "id" IN (
        SELECT "id" FROM (
          SELECT "id", "visibleAt" FROM "Notification" WHERE "characterId" = ${input.characterId}
          UNION ALL SELECT "id", "visibleAt" FROM made) AS everyone
        WHERE EXISTS (SELECT 1 FROM made)
        ORDER BY "visibleAt" DESC, "id" DESC OFFSET ${NOTIFICATIONS_KEPT}))
    SELECT "id", "title", "body" FROM made`;
  const row = rows[0];
  if (!row) return null;
  await publishEvent(tx, {
    type: 'notification.created',
    key: `notification.created:${row.id}`,
    payload: {
      notificationId: row.id,
      characterId: input.characterId,
      kind: input.kind,
      title: row.title,
      body: row.body,
      visibleAt: visibleAt.getTime(),
    },
  });
  return { id: row.id };
}

/**
 * Many notices after what they tell of has committed (the market's fills): one
 * transaction for all; if it fails, each alone, so one bad notice loses only itself.
 */
export async function notifyAllNow(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  inputs: readonly NotifyInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  // raw statements only (notify): no Prisma transaction around them
  const all = inTransaction(
    deps.db,
    async (tx) => {
      for (const n of inputs) await notify(tx, deps.clock.now(), n);
    },
    { direct: true },
  );
  if (await all.then(() => true).catch(() => false)) return;
  for (const n of inputs) await notifyNow(deps, n).catch(() => null);
}

/** notify() outside a transaction of the caller. */
export async function notifyNow(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: NotifyInput,
): Promise<{ id: string } | null> {
  return inTransaction(deps.db, (tx) => notify(tx, deps.clock.now(), input));
}

const toView = (r: {
  id: string;
  kind: string;
  title: string;
  body: string;
  visibleAt: Date;
  readAt: Date | null;
}): NotificationView => ({
  id: r.id,
  kind: NOTIFICATION_KINDS.find((k) => k === r.kind) ?? 'friend_request',
  title: r.title,
  body: r.body,
  at: r.visibleAt.getTime(),
  read: r.readAt !== null,
});

/** The newest visible notifications, the unread count, and the kinds turned off. */
export async function listNotifications(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  characterId: string,
): Promise<{ items: NotificationView[]; unread: number; muted: NotificationKind[] }> {
  const now = deps.clock.now();
  const [rows, unread, mutes] = await Promise.all([
    deps.db.notification.findMany({
      where: { characterId, visibleAt: { lte: now } },
      orderBy: [{ visibleAt: 'desc' }, { id: 'desc' }],
      take: NOTIFICATIONS_PAGE,
    }),
    deps.db.notification.count({ where: { characterId, visibleAt: { lte: now }, readAt: null } }),
    deps.db.notificationMute.findMany({ where: { characterId } }),
  ]);
  return {
    items: rows.map(toView),
    unread,
    muted: mutes.flatMap((m) => NOTIFICATION_KINDS.filter((k) => k === m.kind)),
  };
}

/** Marks some (or all visible) as read; returns how many changed. */
export async function markNotificationsRead(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: { characterId: string; ids?: readonly string[] | undefined },
): Promise<number> {
  const now = deps.clock.now();
  const r = await deps.db.notification.updateMany({
    where: {
      characterId: input.characterId,
      readAt: null,
      visibleAt: { lte: now },
      ...(input.ids ? { id: { in: [...input.ids] } } : {}),
    },
    data: { readAt: now },
  });
  return r.count;
}

/** Turns a kind on or off for one character (mandatory kinds stay on). */
export async function setNotificationPref(
  deps: Pick<GameDeps, 'db'>,
  input: { characterId: string; kind: NotificationKind; enabled: boolean },
): Promise<void> {
  if (MANDATORY_NOTIFICATION_KINDS.includes(input.kind))
    throw new DomainError(
      'VALIDATION',
      'mandatory kind',
      'That notification cannot be turned off.',
    );
  const key = { characterId: input.characterId, kind: input.kind };
  if (input.enabled) await deps.db.notificationMute.deleteMany({ where: key });
  else
    await deps.db.notificationMute.upsert({
      where: { characterId_kind: key },
      create: key,
      update: {},
    });
}

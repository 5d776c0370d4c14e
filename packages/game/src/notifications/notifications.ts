/**
 * Persistent notifications (docs/social.md "Notifications"). `notify` writes one in
 * the caller's transaction — so it exists exactly when what it tells of does — unless
 * the character turned that kind off, keeps the newest NOTIFICATIONS_KEPT, and
 * publishes `notification.created`, which the sims push to the character's sockets
 * on whichever process (apps/sim outbox reactions). Reading is per character.
 */
import {
  MANDATORY_NOTIFICATION_KINDS,
  NOTIFICATIONS_KEPT,
  NOTIFICATIONS_PAGE,
  type NotificationKind,
  type NotificationView,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { newRowId } from '../core/row-ids';
import { Prisma } from '@necp/db';
import { eventsInsert } from '../outbox/publish-event';
import { ONE_STATEMENT, inTransaction } from '../core/transaction';

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
  return (await notifyAll(tx, now, [input]))[0] ?? null;
}

/**
 * Writes notifications (inside `tx`) in ONE statement however many: each unless its
 * character turned the kind off, the oldest beyond NOTIFICATIONS_KEPT trimmed (by when
 * they show), and one `notification.created` event for each written. Answers per input,
 * in order: its id, or null when muted. Notices come with every market fill, thousands a
 * batch; notifyAllNow runs this statement alone, outside any transaction.
 */
export async function notifyAll(
  tx: Tx,
  now: Date,
  inputs: readonly NotifyInput[],
): Promise<({ id: string } | null)[]> {
  if (inputs.length === 0) return [];
  const n = notifyAllWrites(now, inputs);
  const made = await tx.$queryRaw<{ id: string }[]>`
    WITH ${n.ctes} SELECT m."id" FROM ${Prisma.raw(n.made)} m`;
  const written = new Set(made.map((m) => m.id));
  return n.ids.map((id) => (written.has(id) ? { id } : null));
}

/**
 * notifyAll's writes as named common table expressions (`n_input`, `n_made`,
 * `n_trimmed`, `n_told`: a data-modifying one cannot nest), for a writer that folds the
 * notices into its own one statement (core/one-statement.ts withWrites `ctes`): a bid's
 * outbid notice costs no round trip of its own. `made`: the CTE of the rows written.
 */
export function notifyAllWrites(
  now: Date,
  inputs: readonly NotifyInput[],
): { ctes: Prisma.Sql; made: string; ids: string[] } {
  const ids = inputs.map(() => newRowId());
  const titles = inputs.map((i) => i.title.slice(0, 120));
  const bodies = inputs.map((i) => (i.body ?? '').slice(0, 500));
  // times as epoch ms (an array of dates has no one serialisation on both drivers)
  const shows = inputs.map((i) => (i.visibleAt ?? now).getTime());
  const events = inputs.map((input, n) => ({
    type: 'notification.created' as const,
    key: `notification.created:${ids[n]!}`,
    payload: {
      notificationId: ids[n]!,
      characterId: input.characterId,
      kind: input.kind,
      title: titles[n]!,
      body: bodies[n]!,
      visibleAt: shows[n]!,
    },
  }));
  const ctes = Prisma.sql`
    n_input AS (
      SELECT * FROM unnest(${ids}::text[], ${inputs.map((i) => i.characterId)}::text[],
        ${inputs.map((i) => i.kind)}::text[], ${titles}::text[], ${bodies}::text[],
        ${shows}::float8[],
        ${inputs.map((i) => MANDATORY_NOTIFICATION_KINDS.includes(i.kind))}::boolean[])
        AS i("id", "characterId", "kind", "title", "body", "shows", "mandatory")),
    n_made AS (
      INSERT INTO "Notification" ("id", "characterId", "kind", "title", "body", "visibleAt",
        "createdAt")
      SELECT i."id", i."characterId", i."kind", i."title", i."body",
        to_timestamp(i."shows" / 1000.0) AT TIME ZONE 'UTC', ${now}::timestamp
      FROM n_input i
      WHERE i."mandatory" OR NOT EXISTS (
        SELECT 1 FROM "NotificationMute" m
        WHERE m."characterId" = i."characterId" AND m."kind" = i."kind")
      RETURNING "id", "characterId", "visibleAt"),
    n_trimmed AS (
      DELETE FROM "Notification" WHERE "id" IN (
        SELECT "id" FROM (
          SELECT "id", row_number() OVER (
            PARTITION BY "characterId" ORDER BY "visibleAt" DESC, "id" DESC) AS "rank"
          FROM (
            SELECT n."id", n."characterId", n."visibleAt" FROM "Notification" n
            WHERE n."characterId" IN (SELECT "characterId" FROM n_made)
            UNION ALL SELECT "id", "characterId", "visibleAt" FROM n_made) AS everyone) AS ranked
        WHERE "rank" > ${NOTIFICATIONS_KEPT})),
    n_told AS (${eventsInsert(
      events,
      Prisma.sql`e."key" IN (SELECT 'notification.created:' || m."id" FROM n_made m)`,
    )})`;
  return { ctes, made: 'n_made', ids };
}

/**
 * Many notices after what they tell of has committed (the market's fills): one statement
 * for all, outside any transaction (notifyAll's is one); if it fails, each alone, so one
 * bad notice loses only itself.
 */
export async function notifyAllNow(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  inputs: readonly NotifyInput[],
): Promise<void> {
  if (inputs.length === 0) return;
  const all = inTransaction(
    deps.db,
    (tx) => notifyAll(tx, deps.clock.now(), inputs),
    ONE_STATEMENT,
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
  kind: closedSet.Notification.kind.parse(r.kind),
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
    muted: mutes.map((m) => closedSet.NotificationMute.kind.parse(m.kind)),
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

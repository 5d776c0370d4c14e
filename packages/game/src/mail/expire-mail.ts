import { Prisma } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { bounceMail, destroyMail, holdsSomething, loadMail, type LoadedMail } from './mail-rows';
import { inTransaction } from '../core/transaction';

export interface ExpireMailResult {
  /** player mail sent back to its sender with what it held */
  returned: number;
  /** returned or system mail whose items and eddies were destroyed (sink `mail`) */
  destroyed: number;
  /** mail that held nothing, deleted */
  deleted: number;
}

/** Tests share one database with other suites: they restrict expiry to their own recipients. */
export interface ExpireMailScope {
  characterIds?: readonly string[];
}

const BATCH = 200;

/**
 * Mail MAIL_EXPIRY_DAYS after its arrival (`expiresAt` ≤ `now`), read or not:
 * - a player's mail that still holds something goes back to its sender (a returned
 *   mail, arriving at once, expiring MAIL_EXPIRY_DAYS later; an unpaid cash on
 *   delivery is dropped);
 * - a returned mail, a system mail, or one whose sender was purged: its items and
 *   eddies are destroyed through the ledger (sink `mail`) and it is deleted;
 * - one that holds nothing is deleted.
 * Each mail is its own transaction under the mail's row lock (re-checked there),
 * so a take at the same moment and a second run (another node) are harmless.
 * Called by the daily cleanup job.
 */
export async function expireMail(
  deps: Pick<GameDeps, 'db' | 'log'>,
  now: Date,
  scope: ExpireMailScope = {},
): Promise<ExpireMailResult> {
  const result: ExpireMailResult = { returned: 0, destroyed: 0, deleted: 0 };
  const inScope = scope.characterIds
    ? Prisma.sql`AND "toId" = ANY(${[...scope.characterIds]}::text[])`
    : Prisma.empty;
  let lastId = '';
  for (;;) {
    // keyset over ids: each mail is looked at once per run, whatever happens to it
    const due = await deps.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Mail" WHERE "expiresAt" <= ${now} AND "id" > ${lastId} ${inScope}
      ORDER BY "id" LIMIT ${BATCH}`;
    for (const { id } of due) {
      const outcome = await inTransaction(deps.db, (tx) => expireOne(tx, id, now));
      if (outcome) result[outcome]++;
    }
    if (due.length < BATCH) break;
    lastId = due[due.length - 1]?.id ?? lastId;
  }
  if (result.returned + result.destroyed + result.deleted > 0)
    deps.log.info(result, 'mail expired');
  return result;
}

async function expireOne(
  tx: Tx,
  mailId: string,
  now: Date,
): Promise<keyof ExpireMailResult | null> {
  const seen = await tx.mail.findUnique({
    where: { id: mailId },
    select: { toId: true, fromId: true },
  });
  if (!seen) return null;
  // the lock order: both characters (id order), then the mail — as a payment of its
  // cash on delivery takes them, so returning it cannot wait on that in a cycle
  await lockCharacters(tx, [seen.toId, ...(seen.fromId ? [seen.fromId] : [])], {
    includeDeleted: true,
  });
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Mail"
    WHERE "id" = ${mailId} AND "expiresAt" <= ${now}
      AND "toId" = ${seen.toId} AND "fromId" IS NOT DISTINCT FROM ${seen.fromId}
    FOR UPDATE`;
  if (locked.length === 0) return null; // taken, deleted or returned meanwhile: the next run sees it
  const mail = await loadMail(tx, mailId);
  if (!mail) return null;
  return settle(tx, mail, now, 'mail');
}

/** Returns a player's mail to its live sender; destroys anything else that holds something. */
async function settle(
  tx: Tx,
  mail: LoadedMail,
  now: Date,
  sink: 'mail' | 'purge',
  purged: readonly string[] = [],
): Promise<keyof ExpireMailResult> {
  if (!holdsSomething(mail)) {
    await tx.mail.delete({ where: { id: mail.id } });
    return 'deleted';
  }
  if (mail.kind === 'player' && mail.fromId !== null && !purged.includes(mail.fromId)) {
    const to = await tx.character.findUnique({ where: { id: mail.toId }, select: { name: true } });
    await bounceMail(tx, mail, { now, byName: to?.name ?? mail.fromName });
    return 'returned';
  }
  await destroyMail(tx, mail, sink);
  return 'destroyed';
}

/**
 * For purgeExpiredCharacters, in its transaction (the purged characters' rows are
 * locked): mail addressed to them is settled like expired mail (a player's goes
 * back to its sender, the rest is destroyed through sink `purge`); cash on
 * delivery on mail they sent is dropped (nobody is left to pay). Their sent mail
 * stays, its sender link emptied by the foreign key.
 */
export async function purgeMailOf(
  tx: Tx,
  characterIds: readonly string[],
  now: Date,
): Promise<void> {
  const ids = [...characterIds];
  const addressed = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Mail" WHERE "toId" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  for (const { id } of addressed) {
    const mail = await loadMail(tx, id);
    if (mail) await settle(tx, mail, now, 'purge', ids);
  }
  await tx.$executeRaw`UPDATE "Mail" SET "cod" = 0 WHERE "fromId" = ANY(${ids}::text[]) AND "cod" > 0`;
}

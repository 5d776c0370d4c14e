/**
 * When a player mail arrives: the facts of the sender's and the recipient's
 * relationship, read from the database, fed to the shared rule (mail-delivery.ts).
 * sendMail reads them inside its transaction, after locking both characters, so the
 * delay is the one that held when the mail left; quoteMail reads them outside one.
 */
import {
  MAIL_DELIVERY_DELAY_MS,
  mailDelivery,
  mailIsDelayed,
  type MailDelivery,
  type MailRelationship,
} from '@necp/shared';
import type { Db, GameConfig, Tx } from '../core/deps';

/** The delivery delay of player mail to a stranger (the operator's, or the default). */
export const mailDeliveryDelayMs = (config: Pick<GameConfig, 'mailDeliveryDelayMs'>): number =>
  config.mailDeliveryDelayMs ?? MAIL_DELIVERY_DELAY_MS;

interface Row {
  friendsSince: Date | null;
  guildmatesSince: Date | null;
  senderAccountSince: Date;
  recipientAccountSince: Date;
}

/** Friends since, guildmates since (the later join), and both accounts' ages: one statement. */
export async function readMailRelationship(
  db: Db | Tx,
  a: { senderId: string; recipientId: string },
): Promise<MailRelationship> {
  const [r] = await db.$queryRaw<Row[]>`
    SELECT
      (SELECT f."since" FROM "Friendship" f
        WHERE f."characterId" = ${a.senderId} AND f."friendId" = ${a.recipientId}) AS "friendsSince",
      (SELECT GREATEST(s."joinedAt", t."joinedAt") FROM "GuildMember" s
        JOIN "GuildMember" t ON t."guildId" = s."guildId"
        WHERE s."characterId" = ${a.senderId} AND t."characterId" = ${a.recipientId}) AS "guildmatesSince",
      (SELECT u."createdAt" FROM "Character" c JOIN "User" u ON u."id" = c."userId"
        WHERE c."id" = ${a.senderId}) AS "senderAccountSince",
      (SELECT u."createdAt" FROM "Character" c JOIN "User" u ON u."id" = c."userId"
        WHERE c."id" = ${a.recipientId}) AS "recipientAccountSince"`;
  if (!r?.senderAccountSince || !r.recipientAccountSince)
    throw new Error(`readMailRelationship: ${a.senderId} or ${a.recipientId} has no account`);
  return {
    friendsSince: r.friendsSince?.getTime() ?? null,
    guildmatesSince: r.guildmatesSince?.getTime() ?? null,
    senderAccountSince: r.senderAccountSince.getTime(),
    recipientAccountSince: r.recipientAccountSince.getTime(),
  };
}

/** The delay of a mail carrying `contents` from `senderId` to `recipientId`, now. */
export async function deliveryOf(
  db: Db | Tx,
  a: {
    config: Pick<GameConfig, 'mailDeliveryDelayMs'>;
    senderId: string;
    recipientId: string;
    contents: { attachments: number; eddies: number; cod: number };
    now: Date;
  },
): Promise<MailDelivery> {
  // nothing of value: arrives at once, nothing to read
  if (!mailIsDelayed(a.contents)) return { delayMs: 0, reason: 'text' };
  const relationship = await readMailRelationship(db, a);
  return mailDelivery({
    contents: a.contents,
    relationship,
    strangerDelayMs: mailDeliveryDelayMs(a.config),
    now: a.now.getTime(),
  });
}

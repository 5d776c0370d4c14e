/**
 * When a player mail arrives: a pure rule over the facts of the two players'
 * relationship (the domain reads them in the send transaction, the compose window
 * shows the same answer before Send). docs/social.md "Mail" — "Delivery".
 *
 * The delay exists against laundering (stolen or bought eddies and items moved
 * through fresh accounts): value between strangers, or involving an account younger
 * than a week, waits MAIL_DELIVERY_DELAY_MS (the operator's
 * MAIL_DELIVERY_DELAY_MINUTES). Friends or guildmates of some standing, both on
 * accounts of some age, are not who it is for: their mail arrives at once.
 */
import { mailIsDelayed } from './mail-rules';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Friends for at least this long trust each other with mail (Friendship.since). */
export const MAIL_TRUST_FRIENDS_MS = 2 * DAY;
/** Guildmates both in the same guild for at least this long trust each other too. */
export const MAIL_TRUST_GUILD_MS = 2 * DAY;
/** … but only when both accounts are at least this old (throw-away accounts wait). */
export const MAIL_TRUST_ACCOUNT_MS = 7 * DAY;

/** The facts the rule looks at, as the domain read them (ms since epoch). */
export interface MailRelationship {
  /** since when the two are friends; null: not friends */
  friendsSince: number | null;
  /** since when both are in the same guild (the later of the two joins); null: not guildmates */
  guildmatesSince: number | null;
  /** when the sender's and the recipient's accounts were made */
  senderAccountSince: number;
  recipientAccountSince: number;
}

/**
 * Why a mail arrives when it does: `text` nothing of value (at once) · `friends`,
 * `guildmates` trusted (at once) · `new_account` friends or guildmates of standing,
 * but one of the two accounts is younger than MAIL_TRUST_ACCOUNT_MS · `stranger` no
 * relationship of standing.
 */
export const MAIL_DELIVERY_REASONS = [
  'text',
  'friends',
  'guildmates',
  'new_account',
  'stranger',
] as const;
export type MailDeliveryReason = (typeof MAIL_DELIVERY_REASONS)[number];

export interface MailDelivery {
  delayMs: number;
  reason: MailDeliveryReason;
}

/**
 * The delivery delay of one player mail. `strangerDelayMs` is the operator's delay
 * (MAIL_DELIVERY_DELAY_MS by default); trusted mail never waits longer than it.
 */
export function mailDelivery(a: {
  contents: { attachments: number; eddies: number; cod: number };
  relationship: MailRelationship;
  strangerDelayMs: number;
  now: number;
}): MailDelivery {
  if (!mailIsDelayed(a.contents)) return { delayMs: 0, reason: 'text' };
  const r = a.relationship;
  const standing = (since: number | null, ms: number) => since !== null && a.now - since >= ms;
  const trusted: MailDeliveryReason | null = standing(r.friendsSince, MAIL_TRUST_FRIENDS_MS)
    ? 'friends'
    : standing(r.guildmatesSince, MAIL_TRUST_GUILD_MS)
      ? 'guildmates'
      : null;
  if (trusted === null) return { delayMs: a.strangerDelayMs, reason: 'stranger' };
  const aged =
    a.now - r.senderAccountSince >= MAIL_TRUST_ACCOUNT_MS &&
    a.now - r.recipientAccountSince >= MAIL_TRUST_ACCOUNT_MS;
  return aged
    ? { delayMs: 0, reason: trusted }
    : { delayMs: a.strangerDelayMs, reason: 'new_account' };
}

/** Where a mail the character sent stands (the Sent tab). */
export const SENT_MAIL_STATES = ['on_its_way', 'delivered', 'returned'] as const;
export type SentMailState = (typeof SENT_MAIL_STATES)[number];

/**
 * Mail: limits, fees and timings (packages/game/src/mail enforces every rule; the
 * client uses the same constants to show them). The tRPC inputs and views are in
 * schemas/mail.ts. See docs/social.md "Mail".
 */

/** Longest subject, in UTF-16 code units (one line). */
export const MAIL_SUBJECT_MAX = 64;
/** Longest body, in UTF-16 code units. */
export const MAIL_BODY_MAX = 2_000;
/** Items (stacks) one mail carries. */
export const MAIL_ATTACHMENTS_MAX = 6;
/** Most eddies one mail carries, and the largest cash on delivery. */
export const MAIL_EDDIES_MAX = 1_000_000_000;
/**
 * Postage of any player mail (a sink) … — small enough for a level-1 character (the
 * day-1 login reward alone pays for five one-item mails), large enough that mail is
 * not free to spam.
 */
export const MAIL_POSTAGE_BASE = 5;
/** … plus this much per attached item. */
export const MAIL_POSTAGE_PER_ATTACHMENT = 5;
/**
 * Player mail carrying items, eddies or a cash-on-delivery between players who do
 * not trust each other yet (mail-delivery.ts) arrives this long after it is sent
 * (anti-laundering; the operator may change it: MAIL_DELIVERY_DELAY_MINUTES).
 * Text-only and system mail arrive at once.
 */
export const MAIL_DELIVERY_DELAY_MS = 60 * 60_000;
/** Mail is kept this long after it arrives; then what it holds goes back to its sender. */
export const MAIL_EXPIRY_DAYS = 30;
/** Mails addressed to one character (arrived or on their way) before player mail to it is refused. */
export const MAILBOX_MAX = 100;
/** Sending and taking happen at a mail terminal, within this many metres of one. */
export const MAIL_RANGE = 6;
/** Inbox page size (default and largest). */
export const MAIL_PAGE_SIZE = 20;
export const MAIL_PAGE_MAX = 50;
/** Shown as the sender of system mail (rewards, refunds, notices). */
export const MAIL_SYSTEM_SENDER = 'Night City Post';

/** Postage of a player mail with `attachments` items (eddies and text are free). */
export const mailPostage = (attachments: number): number =>
  MAIL_POSTAGE_BASE + MAIL_POSTAGE_PER_ATTACHMENT * attachments;

/** Whether a player mail waits MAIL_DELIVERY_DELAY_MS before it arrives. */
export const mailIsDelayed = (m: { attachments: number; eddies: number; cod: number }): boolean =>
  m.attachments > 0 || m.eddies > 0 || m.cod > 0;

/** player: sent by a character · system: rewards, refunds, notices · returned: back to its sender. */
export const MAIL_KINDS = ['player', 'system', 'returned'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * Mail: limits, fees, timings and the tRPC input shapes (packages/game/src/mail
 * enforces every rule; the client uses the same constants to show them). See
 * docs/social.md "Mail".
 */
import { z } from 'zod';
import { CharacterNameRefSchema, IdSchema, TextSchema } from '../schemas/primitives';

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

/** One line: no tab or line break either (TextSchema already refuses every other control character). */
export const MailSubjectSchema = TextSchema(MAIL_SUBJECT_MAX, { min: 1 })
  .refine((s) => !/[\t\n\r]/.test(s), 'The subject is one line')
  .refine((s) => s.trim().length > 0, 'Give the mail a subject');
export const MailBodySchema = TextSchema(MAIL_BODY_MAX);

const Eddies = z.int().min(0).max(MAIL_EDDIES_MAX);

export const MailAttachmentInputSchema = z.object({
  itemId: IdSchema,
  /** part of the stack (the rest stays in the bag); the whole stack without it */
  quantity: z.int().min(1).max(MAIL_EDDIES_MAX).optional(),
});

/** mail.send — a character of the caller's sends to a character by name. */
export const MailSendInputSchema = z
  .object({
    characterId: IdSchema,
    to: CharacterNameRefSchema,
    subject: MailSubjectSchema,
    body: MailBodySchema.default(''),
    eddies: Eddies.default(0),
    /** cash on delivery: the recipient pays this to take the attachments (items required) */
    cod: Eddies.default(0),
    attachments: z
      .array(MailAttachmentInputSchema)
      .max(MAIL_ATTACHMENTS_MAX, `At most ${MAIL_ATTACHMENTS_MAX} attachments`)
      .default([]),
  })
  .refine((m) => m.cod === 0 || m.attachments.length > 0, {
    message: 'Cash on delivery needs an attached item',
    path: ['cod'],
  })
  .refine((m) => new Set(m.attachments.map((a) => a.itemId)).size === m.attachments.length, {
    message: 'An item is attached twice',
    path: ['attachments'],
  });
export type MailSendInput = z.input<typeof MailSendInputSchema>;

/** mail.list — the inbox, newest first; `cursor` is the last mail id of the previous page. */
export const MailListInputSchema = z.object({
  characterId: IdSchema,
  cursor: IdSchema.optional(),
  limit: z.int().min(1).max(MAIL_PAGE_MAX).default(MAIL_PAGE_SIZE),
});
export type MailListInput = z.input<typeof MailListInputSchema>;

/** mail.read / takeEddies / payCod / return / delete — one mail of the caller's character. */
export const MailRefInputSchema = z.object({ characterId: IdSchema, mailId: IdSchema });
export type MailRefInput = z.infer<typeof MailRefInputSchema>;

/** mail.takeItems — one attached item, or all of them without `itemId`. */
export const MailTakeItemsInputSchema = z.object({
  characterId: IdSchema,
  mailId: IdSchema,
  itemId: IdSchema.optional(),
});
export type MailTakeItemsInput = z.infer<typeof MailTakeItemsInputSchema>;

/** An attached item as the recipient sees it. */
export interface MailAttachmentView {
  itemId: string;
  templateId: string;
  quantity: number;
  durability: number | null;
}

/** One mail in the inbox list (without its body). */
export interface MailSummary {
  id: string;
  kind: MailKind;
  /** the sender's name (or MAIL_SYSTEM_SENDER); for a returned mail, who returned it */
  from: string;
  fromId: string | null;
  subject: string;
  eddies: number;
  /** cash on delivery still due (0 = none) */
  cod: number;
  attachments: MailAttachmentView[];
  read: boolean;
  /** ms since epoch */
  arrivedAt: number;
  expiresAt: number;
}

/** A mail opened (mail.read). */
export interface MailView extends MailSummary {
  body: string;
}

export interface MailInbox {
  mails: MailSummary[];
  /** pass as `cursor` for the next page; null on the last one */
  nextCursor: string | null;
  /** arrived and not yet read */
  unread: number;
  /** arrived mails in the box */
  total: number;
}

/** What the sender is told (the same whether or not the recipient blocks it). */
export interface MailSendResult {
  to: string;
  postage: number;
  /** ms since epoch: when it arrives */
  deliverAt: number;
}

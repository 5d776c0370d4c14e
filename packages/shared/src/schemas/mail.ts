/**
 * Inputs and views of the mail procedures (tRPC): send, the inbox and one mail,
 * taking what a mail holds, the quote before Send and the Sent tab. The domain
 * (packages/game/src/mail) parses the inputs too; the compose window checks the
 * subject and body with the same schemas. Limits, postage and the delivery rule are
 * mail rules (mail/mail-rules.ts, mail/mail-delivery.ts).
 */
import { z } from 'zod';
import type { MailDeliveryReason, SentMailState } from '../mail/mail-delivery';
import {
  MAIL_ATTACHMENTS_MAX,
  MAIL_BODY_MAX,
  MAIL_EDDIES_MAX,
  MAIL_PAGE_MAX,
  MAIL_PAGE_SIZE,
  MAIL_SUBJECT_MAX,
  type MailKind,
} from '../mail/mail-rules';
import { CharacterNameRefSchema, IdSchema, IdempotencyKeySchema, TextSchema } from './primitives';
import { PageCursorSchema, type Page } from './page';

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

/**
 * mail.send — a character of the caller's sends to a character by name. The same
 * `idempotencyKey` again returns what the first send told (nothing sent twice).
 */
export const MailSendInputSchema = z
  .object({
    characterId: IdSchema,
    idempotencyKey: IdempotencyKeySchema,
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

/** mail.list, mail.sent — the inbox or the Sent tab, newest first, a page at a time (page.ts). */
export const MailListInputSchema = z.object({
  characterId: IdSchema,
  cursor: PageCursorSchema.optional(),
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

export interface MailInbox extends Page<MailSummary> {
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

/**
 * mail.quote — what sending would cost and when it would arrive, before Send: the
 * recipient by name and what the mail carries (how many items, eddies, COD).
 */
export const MailQuoteInputSchema = z.object({
  characterId: IdSchema,
  to: CharacterNameRefSchema,
  attachments: z.int().min(0).max(MAIL_ATTACHMENTS_MAX).default(0),
  eddies: Eddies.default(0),
  cod: Eddies.default(0),
});
export type MailQuoteInput = z.input<typeof MailQuoteInputSchema>;

export interface MailQuote {
  /** the recipient's name as stored */
  to: string;
  postage: number;
  delayMs: number;
  reason: MailDeliveryReason;
}

/** One mail in the Sent tab. */
export interface SentMailSummary {
  id: string;
  /** the recipient's name (of a returned mail: who had it) */
  to: string;
  subject: string;
  eddies: number;
  cod: number;
  /** attached stacks */
  items: number;
  state: SentMailState;
  /** ms since epoch */
  sentAt: number;
  /** when it arrives (arrived) at the recipient; of a returned mail, when it came back */
  deliverAt: number;
}

export type SentMailPage = Page<SentMailSummary>;

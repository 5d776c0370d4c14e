import { z } from 'zod';
import type { NotificationKind } from '@necp/shared';
import { notify } from '../notifications/notifications';
import {
  ContentIdSchema,
  IdSchema,
  MAIL_ATTACHMENTS_MAX,
  MAIL_EDDIES_MAX,
  MAIL_SYSTEM_SENDER,
  MailBodySchema,
  MailSubjectSchema,
  TextSchema,
  type MailKind,
} from '@necp/shared';
import type { Clock } from '../core/clock';
import type { Db, Tx } from '../core/deps';
import { characterNotFound, DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { holdItem } from '../inventory/item-writes';
import { loadTemplate } from '../inventory/templates';
import { HOLDERS, type HolderKind } from '../ledger/holders';
import { mailOwner, sourceOwner } from '../ledger/owners';
import { LEDGER_REASONS, type LedgerReason } from '../ledger/reasons';
import { recordItem } from '../ledger/record-item';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { expiryOf } from './mail-rows';
import { inTransaction } from '../core/transaction';
import { newRowId } from '../core/row-ids';

const SystemMailSchema = z.object({
  toCharacterId: z.string().min(1),
  subject: MailSubjectSchema,
  body: MailBodySchema.default(''),
  eddies: z.int().min(0).max(MAIL_EDDIES_MAX).default(0),
  items: z
    .array(z.object({ templateId: ContentIdSchema, quantity: z.int().min(1).max(10_000) }))
    .default([]),
  /** the ledger source of what it carries: `quest`, `login`, `vendor`, `admin` … */
  reason: z.enum(LEDGER_REASONS),
  /** shown as the sender (MAIL_SYSTEM_SENDER by default) */
  from: TextSchema(32, { min: 1 }).optional(),
  /**
   * What the mail carries out of a holder instead of creating it (the auction house's
   * deliveries): the holder's items, moved as they are, and `eddies` taken from it —
   * ledger `<holder>:<id>` → `mail:<id>`, no source. `items` must then be empty.
   */
  carry: z
    .object({
      holder: z.enum(['auction', 'contract']),
      id: IdSchema,
      itemIds: z.array(IdSchema).max(MAIL_ATTACHMENTS_MAX),
    })
    .optional(),
});
export type SystemMailInput = z.input<typeof SystemMailSchema> & { reason: LedgerReason };

/**
 * The delivery channel of the game itself (rewards, refunds, notices): a mail from
 * MAIL_SYSTEM_SENDER that arrives at once, whose eddies and items are created from
 * nothing — a ledger source `source:<reason>` → `mail:<id>` — or, with `carry`, taken
 * out of what holds them (an auction listing's item and eddies). Items are split into
 * stacks of their template's size; at most MAIL_ATTACHMENTS_MAX stacks. The
 * recipient's mailbox cap does not apply. Deleted characters still get it (they
 * may be restored).
 *
 * Pass `{ db: tx }` to write it inside the caller's transaction (it commits or rolls
 * back with the caller's work). It takes no row lock itself; the new rows' foreign
 * keys take a key-share lock on the recipient's Character row, so inside a
 * transaction that locks characters, call it after locking them.
 */
/** Moves a holder's items and `eddies` into a new mail, the ledger naming both sides. */
async function carryIntoMail(
  tx: Tx,
  carry: { holder: HolderKind; id: string; itemIds: string[] },
  a: { mailId: string; eddies: number; reason: LedgerReason },
): Promise<void> {
  const from = HOLDERS[carry.holder].owner(carry.id);
  const to = mailOwner(a.mailId);
  if (a.eddies > 0) {
    await recordHeldCurrency(tx, {
      holder: carry.holder,
      id: carry.id,
      reason: a.reason,
      delta: -a.eddies,
      counterparty: to,
      ref: a.mailId,
    });
    await recordHeldCurrency(tx, {
      holder: 'mail',
      id: a.mailId,
      reason: a.reason,
      delta: a.eddies,
      counterparty: from,
      ref: carry.id,
    });
  }
  for (const [slot, itemId] of carry.itemIds.entries()) {
    const templateId = await holdItem(tx, itemId, 'MAIL', slot);
    if (!templateId) throw new Error(`sendSystemMail: carried item ${itemId} is gone`);
    await tx.$executeRaw`INSERT INTO "MailAttachment" ("itemId", "mailId")
      VALUES (${itemId}, ${a.mailId})`;
    await recordItem(tx, {
      reason: a.reason,
      itemId,
      templateId,
      quantityDelta: 0,
      fromOwner: from,
      toOwner: to,
      ref: carry.id,
    });
  }
}

export async function sendSystemMail(
  deps: { db: Db | Tx; clock: Pick<Clock, 'now'> },
  input: SystemMailInput,
  /** how the recipient is notified (default: "Mail from …", kind mail_arrived) */
  notice: { kind: NotificationKind; title: string } | null = null,
): Promise<{ mailId: string }> {
  const m = parseInput(SystemMailSchema, input);
  if (m.carry && m.items.length > 0) throw new Error('sendSystemMail: carry or create, not both');
  const now = deps.clock.now();
  const write = async (tx: Tx) => {
    const to = (
      await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Character" WHERE "id" = ${m.toCharacterId}`
    )[0];
    if (!to) throw characterNotFound(m.toCharacterId);
    const stacks: { templateId: string; quantity: number }[] = [];
    for (const it of m.items) {
      const { stackSize } = await loadTemplate(tx, it.templateId);
      for (let left = it.quantity; left > 0; left -= stackSize)
        stacks.push({ templateId: it.templateId, quantity: Math.min(left, stackSize) });
    }
    if (stacks.length > MAIL_ATTACHMENTS_MAX)
      throw new DomainError(
        'VALIDATION',
        `system mail of ${stacks.length} stacks`,
        `A mail holds at most ${MAIL_ATTACHMENTS_MAX} stacks`,
      );
    await notify(tx, now, {
      characterId: to.id,
      kind: notice?.kind ?? 'mail_arrived',
      title: notice?.title ?? `Mail from ${m.from ?? MAIL_SYSTEM_SENDER}`,
      body: m.subject,
    });
    // raw statements only: a direct transaction (an auction's buyout) stays direct
    const mail = { id: newRowId() };
    await tx.$executeRaw`INSERT INTO "Mail" ("id", "toId", "fromName", "kind", "subject",
        "body", "sentAt", "deliverAt", "expiresAt")
      VALUES (${mail.id}, ${to.id}, ${m.from ?? MAIL_SYSTEM_SENDER},
        ${'system' satisfies MailKind}, ${m.subject}, ${m.body}, ${now}::timestamp,
        ${now}::timestamp, ${expiryOf(now)}::timestamp)`;
    if (m.carry) {
      await carryIntoMail(tx, m.carry, { mailId: mail.id, eddies: m.eddies, reason: m.reason });
      return { mailId: mail.id };
    }
    if (m.eddies > 0)
      await recordHeldCurrency(tx, {
        holder: 'mail',
        reason: m.reason,
        id: mail.id,
        delta: m.eddies,
        counterparty: sourceOwner(m.reason),
        ref: mail.id,
      });
    for (const [slot, s] of stacks.entries()) {
      const { maxDurability } = await loadTemplate(tx, s.templateId);
      const item = { id: newRowId() };
      await tx.$executeRaw`INSERT INTO "Item" ("id", "templateId", "quantity", "durability",
          "container", "slot", "updatedAt")
        VALUES (${item.id}, ${s.templateId}, ${s.quantity}::int, ${maxDurability ?? null}::int,
          'MAIL', ${slot}::int, now())`;
      await tx.$executeRaw`INSERT INTO "MailAttachment" ("itemId", "mailId")
        VALUES (${item.id}, ${mail.id})`;
      await recordItem(tx, {
        reason: m.reason,
        itemId: item.id,
        templateId: s.templateId,
        quantityDelta: s.quantity,
        fromOwner: sourceOwner(m.reason),
        toOwner: mailOwner(mail.id),
        ref: mail.id,
      });
    }
    return { mailId: mail.id };
  };
  // a transaction client has no $transaction of its own
  return '$transaction' in deps.db ? inTransaction(deps.db as Db, write) : write(deps.db);
}

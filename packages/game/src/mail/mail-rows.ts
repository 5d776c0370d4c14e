/**
 * What every mail operation shares: locking a mail, reading it as the recipient
 * sees it, and moving what it holds (items and eddies) in and out with the ledger.
 *
 * Locks: a mail's row is taken after the character rows the operation locks (lock
 * order step 3, core/lock-order.ts) and guards the mail's attachments and eddies —
 * nothing touches a MAIL item without holding its mail's row.
 */
import type { Character, Item, Mail } from '@necp/db';
import { MAIL_EXPIRY_DAYS, type MailKind, type MailSummary, type MailView } from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import type { Tx } from '../core/deps';
import { bagOf } from '../inventory/container';
import { bagFull } from '../inventory/errors';
import { lockCharacterItems } from '../core/row-locks';
import { inBag } from '../inventory/owned-items';
import { planPlacement } from '../inventory/placement';
import { loadTemplate } from '../inventory/templates';
import { writePlacement } from '../inventory/write-placement';
import { charOwner, mailOwner } from '../ledger/owners';
import type { LedgerReason } from '../ledger/reasons';
import { recordItem } from '../ledger/record-item';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { recordCurrency } from '../ledger/record-currency';
import { mailNotFound } from './errors';

export type LoadedMail = Mail & { attachments: { item: Item }[] };

const DAY_MS = 86_400_000;
/** A mail that arrives at `deliverAt` expires MAIL_EXPIRY_DAYS later. */
export const expiryOf = (deliverAt: Date) =>
  new Date(deliverAt.getTime() + MAIL_EXPIRY_DAYS * DAY_MS);

export const loadMail = (tx: Tx, mailId: string): Promise<LoadedMail | null> =>
  tx.mail.findUnique({
    where: { id: mailId },
    include: { attachments: { include: { item: true }, orderBy: { item: { slot: 'asc' } } } },
  });

/**
 * Locks a mail of `toId` that has arrived by `now` and reads it with its
 * attachments; NOT_FOUND otherwise (someone else's, not yet arrived, gone).
 */
export async function lockDeliveredMail(
  tx: Tx,
  a: { mailId: string; toId: string; now: Date },
): Promise<LoadedMail> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Mail"
    WHERE "id" = ${a.mailId} AND "toId" = ${a.toId} AND "deliverAt" <= ${a.now}
    FOR UPDATE`;
  if (rows.length === 0) throw mailNotFound();
  const mail = await loadMail(tx, a.mailId);
  if (!mail) throw mailNotFound();
  return mail;
}

export function mailSummary(m: LoadedMail): MailSummary {
  return {
    id: m.id,
    kind: closedSet.Mail.kind.parse(m.kind),
    from: m.fromName,
    fromId: m.fromId,
    subject: m.subject,
    eddies: m.eddies,
    cod: m.cod,
    attachments: m.attachments.map(({ item }) => ({
      itemId: item.id,
      templateId: item.templateId,
      quantity: item.quantity,
      durability: item.durability,
    })),
    read: m.readAt !== null,
    arrivedAt: m.deliverAt.getTime(),
    expiresAt: m.expiresAt.getTime(),
  };
}

export const mailView = (m: LoadedMail): MailView => ({ ...mailSummary(m), body: m.body });

/** Marks a mail read (once: the first reading's time stays). */
export async function markRead(tx: Tx, mail: Mail, now: Date): Promise<void> {
  if (mail.readAt === null)
    await tx.mail.updateMany({ where: { id: mail.id, readAt: null }, data: { readAt: now } });
}

/**
 * Moves `quantity` of a (locked) bag item into the mail as attachment `slot`
 * (ledger `mail`, char → mail): the whole stack moves as it is; a part is split
 * off into a new row.
 */
export async function attachFromBag(
  tx: Tx,
  a: { mailId: string; slot: number; item: Item; quantity: number },
): Promise<void> {
  const { item, mailId } = a;
  const side = {
    reason: 'mail' as const,
    templateId: item.templateId,
    fromOwner: charOwner(item.characterId ?? 'unknown'),
    toOwner: mailOwner(mailId),
    ref: mailId,
  };
  if (a.quantity === item.quantity) {
    await tx.item.update({
      where: { id: item.id },
      data: { container: 'MAIL', slot: a.slot, characterId: null, userId: null },
    });
    await recordItem(tx, { ...side, itemId: item.id, quantityDelta: 0 });
    await tx.mailAttachment.create({ data: { itemId: item.id, mailId } });
    return;
  }
  await tx.item.update({ where: { id: item.id }, data: { quantity: item.quantity - a.quantity } });
  await recordItem(tx, { ...side, itemId: item.id, quantityDelta: -a.quantity });
  const row = await tx.item.create({
    data: {
      templateId: item.templateId,
      quantity: a.quantity,
      durability: item.durability,
      container: 'MAIL',
      slot: a.slot,
      mailAttachment: { create: { mailId } },
    },
  });
  await recordItem(tx, { ...side, itemId: row.id, quantityDelta: a.quantity });
}

/**
 * Moves one attached item into the character's bag (ledger `mail`, mail → char):
 * tops up matching stacks, then free slots. INVALID_STATE "Your bag is full" if it
 * does not all fit — the caller's transaction then writes nothing at all.
 */
export async function mailItemToBag(
  tx: Tx,
  a: { mailId: string; character: Character; item: Item },
): Promise<void> {
  const { item, character } = a;
  const bag = inBag(await lockCharacterItems(tx, character.id));
  const template = await loadTemplate(tx, item.templateId);
  const r = planPlacement({
    slots: character.bagSlots,
    occupants: bag,
    incoming: { ...item, stackSize: template.stackSize },
  });
  if (!r.ok) throw bagFull();
  await tx.mailAttachment.delete({ where: { itemId: item.id } });
  await writePlacement(tx, {
    target: bagOf(character),
    plan: r.plan,
    templateId: item.templateId,
    durability: item.durability,
    boundCharacterId: item.boundCharacterId,
    reason: 'mail',
    fromOwner: mailOwner(a.mailId),
    ref: a.mailId,
    source: item,
  });
}

/** Moves the eddies a mail holds to the character (ledger `mail`, mail → char). Returns its balance. */
export async function mailEddiesToCharacter(
  tx: Tx,
  a: { mailId: string; characterId: string; eddies: number },
): Promise<number> {
  await recordHeldCurrency(tx, {
    holder: 'mail',
    reason: 'mail',
    id: a.mailId,
    delta: -a.eddies,
    counterparty: charOwner(a.characterId),
    ref: a.mailId,
  });
  return recordCurrency(tx, {
    reason: 'mail',
    characterId: a.characterId,
    delta: a.eddies,
    ref: a.mailId,
  });
}

/**
 * Destroys what a (locked) mail holds — items and eddies to `sink:<reason>` — and
 * deletes the mail. For mail nobody can take back any more (docs/social.md).
 */
export async function destroyMail(tx: Tx, mail: LoadedMail, reason: LedgerReason): Promise<void> {
  const sink = `sink:${reason}`;
  for (const { item } of mail.attachments) {
    await recordItem(tx, {
      reason,
      itemId: item.id,
      templateId: item.templateId,
      quantityDelta: -item.quantity,
      fromOwner: mailOwner(mail.id),
      toOwner: sink,
      ref: mail.id,
    });
    // its MailAttachment row goes with it (cascade)
    await tx.item.delete({ where: { id: item.id } });
  }
  if (mail.eddies > 0)
    await recordHeldCurrency(tx, {
      holder: 'mail',
      reason,
      id: mail.id,
      delta: -mail.eddies,
      counterparty: sink,
      ref: mail.id,
    });
  await tx.mail.delete({ where: { id: mail.id } });
}

/**
 * Sends a (locked) player mail back to its sender at once: the same row, with what
 * it holds, addressed to the sender, from whoever had it; its cash on delivery and
 * the sender's idempotency key are dropped (a second try of the send after the return
 * sends anew) and it expires MAIL_EXPIRY_DAYS from now. Nothing moves in the ledger:
 * the mail keeps holding it.
 */
export async function bounceMail(
  tx: Tx,
  mail: LoadedMail,
  a: { now: Date; byName: string },
): Promise<void> {
  if (mail.fromId === null) throw new Error(`bounceMail: mail ${mail.id} has no sender`);
  await tx.mail.update({
    where: { id: mail.id },
    data: {
      toId: mail.fromId,
      fromId: mail.toId,
      idempotencyKey: null,
      fromName: a.byName,
      kind: 'returned' satisfies MailKind,
      cod: 0,
      readAt: null,
      deliverAt: a.now,
      expiresAt: expiryOf(a.now),
    },
  });
}

/** Whether a mail still holds something to take. */
export const holdsSomething = (m: LoadedMail) => m.eddies > 0 || m.attachments.length > 0;

import {
  MAILBOX_MAX,
  MailSendInputSchema,
  mailPostage,
  type MailKind,
  type MailSendInput,
  type MailSendResult,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError, keyReused } from '../core/errors';
import { lockCharacters } from '../core/lock-order';
import { parseInput } from '../core/validation';
import { characterByName } from '../chat/characters-by-name';
import { notEnoughItems } from '../inventory/errors';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { bagItem } from '../inventory/owned-items';
import { charOwner, sinkOwner } from '../ledger/owners';
import { notEnoughEddies, recordCurrency } from '../ledger/record-currency';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { notify } from '../notifications/notifications';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { boundItemMailed, mailboxFull, mailToSelf } from './errors';
import { assertAtMailTerminal } from './mail-terminal';
import { deliveryOf } from './delivery';
import { attachFromBag, expiryOf } from './mail-rows';
import { inTransaction } from '../core/transaction';

/**
 * A character sends mail to a character by name, at a mail terminal. One
 * transaction, locks in the documented order (both characters by id, then the
 * sender's items): postage (a `postage` sink), the eddies into the mail's escrow
 * and the attachments out of the bag into the mail (`mail`, char → mail). Mail
 * carrying anything arrives after the delay the two players' relationship gives
 * (delivery.ts, read under the locks); text only, at once.
 *
 * Refused: yourself, an unknown or deleted name, a full mailbox (MAILBOX_MAX),
 * not enough eddies for postage + eddies, an item not in your bag (or equipped),
 * a bound item, more than MAIL_ATTACHMENTS_MAX (the schema).
 * A recipient who blocks the sender: every check above still runs (the answer is
 * the same), then nothing is written — no postage, the items stay — and the
 * sender is told it went (docs/social.md).
 *
 * The same `idempotencyKey` again returns what the first send told, from the mail it
 * made (nothing paid or moved twice); with another recipient, subject or body, CONFLICT.
 * A blocked send made no mail, so its key names nothing: a second try is judged afresh
 * (and writes nothing again). A returned mail drops its key (bounceMail).
 */
export async function sendMail(
  deps: Pick<GameDeps, 'db' | 'clock' | 'config'>,
  input: MailSendInput,
): Promise<MailSendResult> {
  const m = parseInput(MailSendInputSchema, input);
  const to = await characterByName(deps, m.to);
  if (to.id === m.characterId) throw mailToSelf();
  const now = deps.clock.now();
  const postage = mailPostage(m.attachments.length);
  const contents = { attachments: m.attachments.length, eddies: m.eddies, cod: m.cod };

  const deliverAt = await inTransaction(deps.db, async (tx) => {
    const live = await lockCharacters(tx, [m.characterId, to.id]);
    const sender = await lockCharacter(tx, m.characterId);
    const same = await tx.mail.findUnique({
      where: { fromId_idempotencyKey: { fromId: sender.id, idempotencyKey: m.idempotencyKey } },
      select: { toId: true, subject: true, body: true, deliverAt: true },
    });
    if (same) {
      if (same.toId !== to.id || same.subject !== m.subject || same.body !== m.body)
        throw keyReused();
      return same.deliverAt;
    }
    if (!live.some((c) => c.id === to.id))
      throw new DomainError(
        'NOT_FOUND',
        `character ${m.to} not found`,
        `No character is called “${m.to}”.`,
      );
    assertAtMailTerminal(sender);
    if ((await tx.mail.count({ where: { toId: to.id } })) >= MAILBOX_MAX)
      throw mailboxFull(to.name, MAILBOX_MAX);
    if (sender.eddies < postage + m.eddies) throw notEnoughEddies();
    const items = await lockCharacterItems(tx, sender.id);
    const picked = m.attachments.map((a) => {
      const item = bagItem(items, a.itemId);
      if (item.boundCharacterId !== null) throw boundItemMailed();
      const quantity = a.quantity ?? item.quantity;
      if (quantity > item.quantity) throw notEnoughItems();
      return { item, quantity };
    });
    // the blocked side is not told: everything was checked as for a real send, nothing is written
    const blocked = await tx.characterBlock.findUnique({
      where: { blockerId_blockedId: { blockerId: to.id, blockedId: sender.id } },
      select: { blockerId: true },
    });
    const delivery = await deliveryOf(tx, {
      config: deps.config,
      senderId: sender.id,
      recipientId: to.id,
      contents,
      now,
    });
    const deliverAt = new Date(now.getTime() + delivery.delayMs);
    if (blocked) return deliverAt;

    const mail = await tx.mail.create({
      data: {
        toId: to.id,
        fromId: sender.id,
        idempotencyKey: m.idempotencyKey,
        fromName: sender.name,
        kind: 'player' satisfies MailKind,
        subject: m.subject,
        body: m.body,
        cod: m.cod,
        sentAt: now,
        deliverAt,
        expiresAt: expiryOf(deliverAt),
      },
    });
    await recordCurrency(tx, {
      reason: 'postage',
      characterId: sender.id,
      delta: -postage,
      ref: mail.id,
      fromOwner: charOwner(sender.id),
      toOwner: sinkOwner('postage'),
    });
    if (m.eddies > 0) {
      await recordCurrency(tx, {
        reason: 'mail',
        characterId: sender.id,
        delta: -m.eddies,
        ref: mail.id,
      });
      await recordHeldCurrency(tx, {
        holder: 'mail',
        reason: 'mail',
        id: mail.id,
        delta: m.eddies,
        counterparty: charOwner(sender.id),
        ref: mail.id,
      });
    }
    for (const [slot, p] of picked.entries())
      await attachFromBag(tx, { mailId: mail.id, slot, item: p.item, quantity: p.quantity });
    if (picked.length > 0) await publishStatsChanged(tx, sender.id, 'mail.send');
    await notify(tx, now, {
      characterId: to.id,
      kind: 'mail_arrived',
      title: `Mail from ${sender.name}`,
      body: m.subject,
      visibleAt: deliverAt,
    });
    return deliverAt;
  });
  return { to: to.name, postage, deliverAt: deliverAt.getTime() };
}

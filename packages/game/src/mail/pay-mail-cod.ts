import { MailRefInputSchema, type MailRefInput, type MailView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { notEnoughEddies, recordCurrency } from '../ledger/record-currency';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { mailNotFound, noCodDue } from './errors';
import { assertAtMailTerminal } from './mail-terminal';
import { lockDeliveredMail, mailEddiesToCharacter, mailItemToBag, markRead } from './mail-rows';
import { sendSystemMail } from './send-system-mail';
import { mailAfter } from './take-mail';
import { inTransaction } from '../core/transaction';

/** Cuts `s` to `max` UTF-16 units without leaving half a surrogate pair. */
const clip = (s: string, max: number) => {
  const t = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(t) ? t.slice(0, -1) : t;
};

/**
 * Pays a mail's cash on delivery and takes everything it holds, at a mail
 * terminal, in one transaction: the amount goes straight from the recipient's
 * eddies to the sender's (ledger `cod`, two rows), the items into the bag and any
 * eddies to the recipient; the sender gets a text-only notice mail. If the bag
 * cannot take it all, or the eddies are short, nothing happens. Both characters'
 * rows are locked (id order), then the mail's: two payments at once — one pays.
 */
export async function payMailCod(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailRefInput,
): Promise<{ eddies: number; mail: MailView }> {
  const { characterId, mailId } = parseInput(MailRefInputSchema, input);
  const now = deps.clock.now();
  const seen = await deps.db.mail.findFirst({
    where: { id: mailId, toId: characterId, deliverAt: { lte: now } },
    select: { fromId: true, cod: true },
  });
  if (!seen) throw mailNotFound();
  const senderId = seen.fromId;
  if (seen.cod === 0 || senderId === null) throw noCodDue();
  return inTransaction(deps.db, async (tx) => {
    // both ends in id order (a deleted sender too: it is paid all the same)
    await lockCharacters(tx, [characterId, senderId], { includeDeleted: true });
    const character = await lockCharacter(tx, characterId);
    assertAtMailTerminal(character);
    const mail = await lockDeliveredMail(tx, { mailId, toId: characterId, now });
    // paid meanwhile (it is then empty), or returned and sent back again
    if (mail.cod === 0 || mail.fromId !== senderId) throw noCodDue();
    if (character.eddies < mail.cod) throw notEnoughEddies();
    await recordCurrency(tx, { reason: 'cod', characterId, delta: -mail.cod, ref: mailId });
    await recordCurrency(tx, {
      reason: 'cod',
      characterId: senderId,
      delta: mail.cod,
      ref: mailId,
    });
    await tx.mail.update({ where: { id: mailId }, data: { cod: 0 } });
    for (const { item } of mail.attachments) await mailItemToBag(tx, { mailId, character, item });
    const eddies =
      mail.eddies > 0
        ? await mailEddiesToCharacter(tx, { mailId, characterId, eddies: mail.eddies })
        : character.eddies - mail.cod;
    await markRead(tx, mail, now);
    await publishStatsChanged(tx, characterId, 'mail.cod');
    await sendSystemMail(
      { db: tx, clock: deps.clock },
      {
        toCharacterId: senderId,
        subject: clip(`Paid: ${mail.subject}`, 64),
        body: `${character.name} paid ${mail.cod} eddies on delivery for “${mail.subject}”. The eddies are in your account.`,
        reason: 'cod',
      },
      { kind: 'cod_paid', title: `${character.name} paid ${mail.cod} eddies on delivery` },
    );
    return { eddies, mail: await mailAfter(tx, mailId) };
  });
}

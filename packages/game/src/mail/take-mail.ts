import {
  MailRefInputSchema,
  MailTakeItemsInputSchema,
  type MailRefInput,
  type MailTakeItemsInput,
  type MailView,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { codDue, noMailEddies, noMailItem } from './errors';
import { assertAtMailTerminal } from './mail-terminal';
import {
  loadMail,
  lockDeliveredMail,
  mailEddiesToCharacter,
  mailItemToBag,
  mailView,
  markRead,
} from './mail-rows';
import { inTransaction } from '../core/transaction';

/** The mail as a take left it. */
export async function mailAfter(tx: Tx, mailId: string): Promise<MailView> {
  const mail = await loadMail(tx, mailId);
  if (!mail) throw new Error(`mail ${mailId} vanished inside its own lock`);
  return mailView(mail);
}

/**
 * Takes one attached item (`itemId`) or all of them into the bag, at a mail
 * terminal. All or nothing: if one does not fit, "Your bag is full" and nothing
 * moves. Exactly once: the mail's row lock makes a second take at the same moment
 * find the item gone (NOT_FOUND). Mail with cash on delivery: payMailCod instead.
 */
export async function takeMailItems(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailTakeItemsInput,
): Promise<MailView> {
  const { characterId, mailId, itemId } = parseInput(MailTakeItemsInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const character = await lockCharacter(tx, characterId);
    assertAtMailTerminal(character);
    const mail = await lockDeliveredMail(tx, { mailId, toId: characterId, now });
    if (mail.cod > 0) throw codDue();
    const items = mail.attachments
      .map((a) => a.item)
      .filter((i) => itemId === undefined || i.id === itemId);
    if (items.length === 0) throw noMailItem();
    for (const item of items) await mailItemToBag(tx, { mailId, character, item });
    await markRead(tx, mail, now);
    await publishStatsChanged(tx, characterId, 'mail.take');
    return mailAfter(tx, mailId);
  });
}

/** Takes the eddies a mail holds, at a mail terminal (exactly once, like items). */
export async function takeMailEddies(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailRefInput,
): Promise<{ eddies: number; mail: MailView }> {
  const { characterId, mailId } = parseInput(MailRefInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const character = await lockCharacter(tx, characterId);
    assertAtMailTerminal(character);
    const mail = await lockDeliveredMail(tx, { mailId, toId: characterId, now });
    if (mail.cod > 0) throw codDue();
    if (mail.eddies === 0) throw noMailEddies();
    const eddies = await mailEddiesToCharacter(tx, {
      mailId,
      characterId,
      eddies: mail.eddies,
    });
    await markRead(tx, mail, now);
    return { eddies, mail: await mailAfter(tx, mailId) };
  });
}

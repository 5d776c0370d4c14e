import { MailRefInputSchema, type MailRefInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { cannotReturn } from './errors';
import { bounceMail, lockDeliveredMail } from './mail-rows';
import { inTransaction } from '../core/transaction';

/**
 * The recipient sends a player's mail back, unopened or not, with everything it
 * holds (a refused cash on delivery, say): it arrives in the sender's box at once
 * as a returned mail, without postage or cash on delivery. System mail and mail
 * already returned cannot be returned.
 */
export async function returnMail(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailRefInput,
): Promise<void> {
  const { characterId, mailId } = parseInput(MailRefInputSchema, input);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const character = await lockCharacter(tx, characterId);
    const mail = await lockDeliveredMail(tx, { mailId, toId: characterId, now });
    if (mail.kind !== 'player' || mail.fromId === null) throw cannotReturn();
    await bounceMail(tx, mail, { now, byName: character.name });
  });
}

import { MailRefInputSchema, type MailRefInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { mailNotEmpty } from './errors';
import { holdsSomething, lockDeliveredMail } from './mail-rows';
import { inTransaction } from '../core/transaction';

/** Deletes an arrived mail of the character — only once nothing is left to take. */
export async function deleteMail(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MailRefInput,
): Promise<void> {
  const { characterId, mailId } = parseInput(MailRefInputSchema, input);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (tx) => {
    const mail = await lockDeliveredMail(tx, { mailId, toId: characterId, now });
    if (holdsSomething(mail)) throw mailNotEmpty();
    await tx.mail.delete({ where: { id: mailId } });
  });
}

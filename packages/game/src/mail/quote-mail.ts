import {
  MailQuoteInputSchema,
  mailPostage,
  type MailQuote,
  type MailQuoteInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { characterByName } from '../chat/characters-by-name';
import { deliveryOf } from './delivery';
import { mailToSelf } from './errors';

/**
 * What sending a mail would cost and when it would arrive — before Send (the compose
 * window asks as the recipient and the attachments change). The same rule sendMail
 * applies; sendMail reads the facts again under its locks, so a friendship ended in
 * between counts. Refuses as sendMail does: yourself, an unknown or deleted name. A
 * recipient who blocks the sender gets the same answer as anyone (they are not told).
 */
export async function quoteMail(
  deps: Pick<GameDeps, 'db' | 'clock' | 'config'>,
  input: MailQuoteInput,
): Promise<MailQuote> {
  const m = parseInput(MailQuoteInputSchema, input);
  const to = await characterByName(deps, m.to);
  if (to.id === m.characterId) throw mailToSelf();
  const d = await deliveryOf(deps.db, {
    config: deps.config,
    senderId: m.characterId,
    recipientId: to.id,
    contents: { attachments: m.attachments, eddies: m.eddies, cod: m.cod },
    now: deps.clock.now(),
  });
  return { to: to.name, postage: mailPostage(m.attachments), delayMs: d.delayMs, reason: d.reason };
}

import type { Character } from '@necp/db';
import { MAIL_RANGE } from '@necp/shared';
import type { Tx } from '../core/deps';
import { notAtMailTerminal } from './errors';

/**
 * Sending, taking and paying happen at a mail terminal (reading, returning and
 * deleting do not). As for the bank, the stored position counts: the sim writes it
 * at once when a character enters or leaves MAIL_RANGE of one.
 */
export async function assertAtMailTerminal(
  tx: Tx,
  c: Pick<Character, 'zoneId' | 'x' | 'y'>,
): Promise<void> {
  const terminals = await tx.spawnPoint.findMany({
    where: { zoneId: c.zoneId, kind: 'mail_terminal' },
    select: { x: true, y: true },
  });
  if (!terminals.some((t) => Math.hypot(t.x - c.x, t.y - c.y) <= MAIL_RANGE))
    throw notAtMailTerminal();
}

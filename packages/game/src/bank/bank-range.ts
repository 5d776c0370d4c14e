import type { Character } from '@necp/db';
import { BANK_RANGE } from '@necp/shared';
import type { Tx } from '../core/deps';
import { DomainError } from '../core/errors';

export const notAtBank = () =>
  new DomainError(
    'FORBIDDEN',
    'not within range of a bank terminal',
    'You need to be at a bank terminal',
  );

/**
 * The bank is used at a terminal. The character's stored position is what counts:
 * the sim writes it at once when a character enters or leaves BANK_RANGE of one.
 */
export async function assertAtBankTerminal(
  tx: Tx,
  c: Pick<Character, 'zoneId' | 'x' | 'y'>,
): Promise<void> {
  const terminals = await tx.spawnPoint.findMany({
    where: { zoneId: c.zoneId, kind: 'bank_terminal' },
    select: { x: true, y: true },
  });
  if (!terminals.some((t) => Math.hypot(t.x - c.x, t.y - c.y) <= BANK_RANGE)) throw notAtBank();
}

import { BankGetInputSchema, type BankGetInput, type BankView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { withBankLocked } from './bank-lock';
import { readBank } from './read-bank';

/** The account's bank, seen from one of its characters standing at a bank terminal. */
export async function getBank(
  deps: Pick<GameDeps, 'db'>,
  input: BankGetInput & { userId: string },
): Promise<BankView> {
  const { characterId } = parseInput(BankGetInputSchema, input);
  return withBankLocked(deps.db, { userId: input.userId, characterId }, (tx, s) =>
    readBank(tx, s.user),
  );
}

import type { Character, Item, User } from '@necp/db';
import type { Db, Tx } from '../core/deps';
import { lockAccount, lockBankItems, lockCharacter, lockCharacterItems } from '../core/row-locks';
import { assertAtBankTerminal } from './bank-range';
import { inTransaction } from '../core/transaction';

export interface BankSession {
  user: User;
  character: Character;
  bankItems: Item[];
  characterItems: Item[];
}

/**
 * One transaction for a bank operation: locks the account (the bank is shared by
 * its characters), then the caller's character, checks it stands at a bank
 * terminal, then locks both containers' items.
 */
export function withBankLocked<T>(
  db: Db,
  ref: { userId: string; characterId: string },
  fn: (tx: Tx, s: BankSession) => Promise<T>,
): Promise<T> {
  return inTransaction(db, async (tx) => {
    const user = await lockAccount(tx, ref.userId);
    const character = await lockCharacter(tx, ref.characterId, ref.userId);
    assertAtBankTerminal(character);
    const bankItems = await lockBankItems(tx, user.id);
    const characterItems = await lockCharacterItems(tx, character.id);
    return fn(tx, { user, character, bankItems, characterItems });
  });
}

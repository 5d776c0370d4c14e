import type { Character } from '@necp/db';
import { BANK_RANGE } from '@necp/shared';
import { DomainError } from '../core/errors';
import { assertAtTerminal } from '../world/at-terminal';

export const notAtBank = () =>
  new DomainError(
    'FORBIDDEN',
    'not within range of a bank terminal',
    'You need to be at a bank terminal',
  );

/** The bank is used at a terminal (world/at-terminal.ts). */
export const assertAtBankTerminal = (c: Pick<Character, 'zoneId' | 'x' | 'y'>) =>
  assertAtTerminal(c, 'bank_terminal', BANK_RANGE, notAtBank);

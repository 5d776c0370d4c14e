import type { Character } from '@necp/db';
import { MAIL_RANGE } from '@necp/shared';
import { assertAtTerminal } from '../world/at-terminal';
import { notAtMailTerminal } from './errors';

/** Sending, taking and paying happen at a mail terminal (reading, returning and deleting do not). */
export const assertAtMailTerminal = (c: Pick<Character, 'zoneId' | 'x' | 'y'>) =>
  assertAtTerminal(c, 'mail_terminal', MAIL_RANGE, notAtMailTerminal);

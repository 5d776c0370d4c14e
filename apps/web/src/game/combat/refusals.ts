/**
 * combat:use refusals → the short line flashed over the screen. The server's own
 * message is the fallback for codes this build does not know (rate limits, new codes).
 */
import type { CombatRefusal } from '@necp/shared';

const MESSAGES: Record<CombatRefusal, string> = {
  UNKNOWN_ABILITY: "You don't know that ability yet",
  INVALID_TARGET: 'Invalid target',
  OUT_OF_RANGE: 'Out of range',
  NO_LINE_OF_SIGHT: 'Target not in line of sight',
  COOLDOWN: 'Not ready yet',
  GCD: 'Not ready yet',
  NO_RESOURCE: 'Not enough resource',
  CASTING: 'Already casting',
  STUNNED: "Can't do that while stunned",
  SILENCED: "Can't do that while silenced",
  DEAD: "You're flatlined",
};

const isRefusal = (code: string): code is CombatRefusal => code in MESSAGES;

/**
 * The text for a refused ability. NO_RESOURCE names the class's pool
 * ("Not enough RAM" for netrunners, "Not enough stamina" for everyone else).
 */
export function refusalMessage(
  code: string,
  serverMessage: string | undefined,
  resourceName = 'resource',
): string {
  if (!isRefusal(code)) return serverMessage?.trim() || 'That did not work';
  if (code === 'NO_RESOURCE') return `Not enough ${resourceName}`;
  return MESSAGES[code];
}

/** Refusals that mean "this slot is not usable right now": the slot shakes. */
export const shakesSlot = (code: string) =>
  code === 'COOLDOWN' ||
  code === 'GCD' ||
  code === 'NO_RESOURCE' ||
  code === 'OUT_OF_RANGE' ||
  code === 'NO_LINE_OF_SIGHT' ||
  code === 'CASTING' ||
  code === 'UNKNOWN_ABILITY';

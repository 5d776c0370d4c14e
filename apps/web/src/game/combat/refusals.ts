/**
 * combat:use refusals → the short line flashed over the screen. Codes without a
 * line of their own here (rate limits, not in the zone …) show the server's message.
 */
import type { CombatRefusal, RefusalCode } from '@necp/shared';

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

const isCombatRefusal = (code: RefusalCode): code is CombatRefusal => code in MESSAGES;

/**
 * The text for a refused ability. NO_RESOURCE names the class's pool
 * ("Not enough RAM" for netrunners, "Not enough stamina" for everyone else).
 */
export function refusalMessage(
  code: RefusalCode,
  serverMessage: string | undefined,
  resourceName = 'resource',
): string {
  if (code === 'NO_RESOURCE') return `Not enough ${resourceName}`;
  if (isCombatRefusal(code)) return MESSAGES[code];
  return serverMessage?.trim() || 'That did not work';
}

/** Refusals that mean "this slot is not usable right now": the slot shakes. */
export function shakesSlot(code: RefusalCode): boolean {
  switch (code) {
    case 'COOLDOWN':
    case 'GCD':
    case 'NO_RESOURCE':
    case 'OUT_OF_RANGE':
    case 'NO_LINE_OF_SIGHT':
    case 'CASTING':
    case 'UNKNOWN_ABILITY':
      return true;
    default:
      return false;
  }
}

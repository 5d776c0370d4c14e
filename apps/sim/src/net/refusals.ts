import type { CombatRefusal, Refusal } from '@necp/shared';

/**
 * The sim's own refusals, each text written once (a text said in one place only,
 * worded by its rule — "Too far away from …", the metro's rules — stays beside it).
 * Which form for what:
 * - a `Refusal` constant is the data: what the zone answers from inside its tick
 *   (answers are data, like the commands a recording replays) and what a handler acks;
 * - `SimRefusal` carries one as a throw: out of a handler's work (in-zone.ts,
 *   loot.ts …), or as the error of a command the zone will not queue (ZONE_BUSY);
 *   toAckError turns it back into the Refusal;
 * - a `DomainError` is packages/game's (and the handshake's, auth/handshake.ts): the
 *   sim's command handlers do not make one, as its closed code set has no DEAD or
 *   combat codes, so one thrown form serves all of the sim's.
 * Combat keeps the engine's codes (CombatRefusal) in its answers; their texts are here.
 */
export class SimRefusal extends Error {
  readonly code: Refusal['code'];
  readonly userMessage: string;

  constructor(refusal: Refusal) {
    super(`${refusal.code}: ${refusal.message}`);
    this.code = refusal.code;
    this.userMessage = refusal.message;
  }
}

export const NOT_IN_ZONE: Refusal = { code: 'INVALID_STATE', message: 'Not in the zone.' };
/** The dead cannot move, fight, loot, open crates, drop or use items, or ride. */
export const YOU_ARE_DEAD: Refusal = { code: 'DEAD', message: 'You are dead.' };
/** A socket's rate window (command.ts) or an item use already in flight. */
export const SLOW_DOWN: Refusal = { code: 'RATE_LIMITED', message: 'Slow down.' };
export const INPUTS_FULL: Refusal = {
  code: 'RATE_LIMITED',
  message: 'Too many inputs; input dropped.',
};
export const NOT_DEAD: Refusal = { code: 'INVALID_STATE', message: 'You are not dead.' };
export const RESPAWN_TOO_SOON: Refusal = {
  code: 'RATE_LIMITED',
  message: 'You cannot respawn yet.',
};
/** The zone's inbox holds its cap of client commands (ZONE_INBOX_CAP): not the client's fault. */
export const ZONE_BUSY: Refusal = {
  code: 'UNAVAILABLE',
  message: 'The zone is busy; try again shortly.',
};
export const NO_METRO_LINE: Refusal = { code: 'NOT_FOUND', message: 'No metro line goes there.' };
/** Another connection of the account took over (also the kick's message, session/connect.ts). */
export const TAKEN_OVER: Refusal = {
  code: 'UNAVAILABLE',
  message: 'You connected from somewhere else.',
};

/** What the player is told about an unexpected failure (logged where it happened). */
export const INTERNAL_REFUSAL: Refusal = {
  code: 'INTERNAL',
  message: 'Something went wrong. Please try again.',
};

/** combat:use refusals (the code lets the client react, e.g. flash a cooldown). */
const COMBAT: Readonly<Record<CombatRefusal, Refusal>> = {
  UNKNOWN_ABILITY: { code: 'UNKNOWN_ABILITY', message: 'You do not know that ability.' },
  INVALID_TARGET: { code: 'INVALID_TARGET', message: 'Invalid target.' },
  OUT_OF_RANGE: { code: 'OUT_OF_RANGE', message: 'Out of range.' },
  NO_LINE_OF_SIGHT: { code: 'NO_LINE_OF_SIGHT', message: 'You cannot see the target.' },
  COOLDOWN: { code: 'COOLDOWN', message: 'That is not ready yet.' },
  GCD: { code: 'GCD', message: 'Not ready yet.' },
  NO_RESOURCE: { code: 'NO_RESOURCE', message: 'Not enough energy.' },
  CASTING: { code: 'CASTING', message: 'You are busy casting.' },
  STUNNED: { code: 'STUNNED', message: 'You are stunned.' },
  SILENCED: { code: 'SILENCED', message: 'Your cyberware is short-circuited.' },
  DEAD: YOU_ARE_DEAD,
};

/** A zone answer's refusal as the client is told it: the zone's own, or a combat code's text. */
export const refusalOf = (r: Refusal | CombatRefusal): Refusal =>
  typeof r === 'string' ? COMBAT[r] : r;

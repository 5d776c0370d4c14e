/**
 * The one form in which the sim refuses a client: every ack error, every
 * connect_error's data. Sim and web share the code union, so the client can
 * switch on it and the compiler catches a code one side does not know.
 */
/**
 * Why combat:use was refused (AckError.code). The client shows `message`; the
 * code lets it react (e.g. flash the cooldown sweep).
 */
export const COMBAT_REFUSALS = [
  'UNKNOWN_ABILITY', // not an ability of your class / not learned at your level
  'INVALID_TARGET', // no such entity in view, wrong kind (heal an NPC), or it is dead
  'OUT_OF_RANGE',
  'NO_LINE_OF_SIGHT',
  'COOLDOWN',
  'GCD',
  'NO_RESOURCE',
  'CASTING', // another cast is in progress
  'STUNNED',
  'SILENCED',
  'DEAD',
] as const;
export type CombatRefusal = (typeof COMBAT_REFUSALS)[number];

export const REFUSAL_CODES = [
  // the domain's codes (packages/game DomainError; the sim's ack mapping checks they fit)
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_STATE', // also: not in the zone, not dead (respawn), not at a metro station
  'RATE_LIMITED', // also: too many commands or inputs, respawn too soon, item or crate cooling down
  'UNAUTHENTICATED',
  'VALIDATION', // the payload does not match its schema
  'UNAVAILABLE', // the zone is starting up or moving between sim processes, or the sim is too busy to admit a player: retry shortly
  // combat:use (DEAD also: the dead cannot move, loot, open crates, drop or use items, ride)
  ...COMBAT_REFUSALS,
  // anything unexpected (logged on the server; the message is generic)
  'INTERNAL',
  // made by the web client itself, never sent by the sim: no connection, no answer in time
  'OFFLINE',
  'TIMEOUT',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** A refused command or handshake: `message` is safe to show to the player. */
export interface Refusal {
  code: RefusalCode;
  message: string;
}

const KNOWN: ReadonlySet<string> = new Set(REFUSAL_CODES);
export const isRefusalCode = (code: unknown): code is RefusalCode =>
  typeof code === 'string' && KNOWN.has(code);

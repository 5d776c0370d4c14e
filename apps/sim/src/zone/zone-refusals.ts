import type { Refusal } from '@necp/shared';

/** The zone's own refusals (the combat engine's are its CombatRefusal codes). */
export const NOT_IN_ZONE: Refusal = { code: 'INVALID_STATE', message: 'Not in the zone.' };
export const YOU_ARE_DEAD: Refusal = { code: 'DEAD', message: 'You are dead.' };
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

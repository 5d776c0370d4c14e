/**
 * Who may act on whom in the staff tools. Roles are ranked; a staff member may ban or
 * unban only accounts ranked strictly below them (a moderator bans players, an admin
 * bans players and moderators; nobody bans an admin or themselves).
 */
import type { Role } from '../constants';

export const ROLE_RANK: Record<Role, number> = { PLAYER: 0, MODERATOR: 1, ADMIN: 2 };

/** True when `actor` may moderate (ban, unban) an account with role `target`. */
export const outranks = (actor: Role, target: Role): boolean =>
  ROLE_RANK[actor] > ROLE_RANK[target];

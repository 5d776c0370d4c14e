/** Simulation tick rate of every zone. */
export const TICK_HZ = 20;
export const TICK_MS = 1000 / TICK_HZ;

export const MAX_CHARACTERS_PER_ACCOUNT = 5;
/** A soft-deleted character can be restored for this long; its name stays reserved meanwhile. */
export const CHARACTER_RESTORE_DAYS = 7;

/** Sim tickets are short-lived: minted right before connecting. */
export const SIM_TICKET_TTL_SECONDS = 60;
/** A dropped client may reconnect within this window and continue where it was. */
export const RECONNECT_GRACE_MS = 60_000;
/** Positions of online characters are flushed to the database this often. */
export const POSITION_FLUSH_MS = 10_000;

/** Login protection. */
export const LOGIN_MAX_FAILURES_BEFORE_LOCK = 5;
export const LOGIN_LOCK_MINUTES = 15;
export const LOGIN_IP_ATTEMPTS_PER_MINUTE = 20;

/** Sockets that keep sending invalid payloads are disconnected. */
export const BAD_PAYLOAD_LIMIT = 20;
export const BAD_PAYLOAD_WINDOW_MS = 10_000;

export const ROLES = ['PLAYER', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Area of interest: a client sees entities within VIEW_RADIUS metres; they leave view past LEAVE_RADIUS (hysteresis avoids flicker at the edge). */
export const VIEW_RADIUS = 48;
export const LEAVE_RADIUS = 56;
export const AOI_CELL_SIZE = 16;

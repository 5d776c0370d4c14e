import type { Role } from '@necp/shared';

/** Roles that may use the staff pages (the API re-checks every call against the database). */
export const isStaff = (role: Role | undefined): boolean =>
  role === 'MODERATOR' || role === 'ADMIN';

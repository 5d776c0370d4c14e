import { v7 as uuidv7 } from 'uuid';

/**
 * The id of a row a raw INSERT writes (Prisma's `@default(cuid())` is filled in by its
 * client, not by the database). UUIDv7: time-ordered and, within a process, monotonic —
 * the ties of lists sorted by time then id keep the order the rows were made in.
 */
export const newRowId = (): string => uuidv7();

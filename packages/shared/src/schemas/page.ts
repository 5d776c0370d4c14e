/**
 * Paging, one way for every list a player or staff member pages through (the inbox,
 * sent mail, trade history, the guild bank log, the Exchange's search, the combat log,
 * the report queue): the input takes the previous page's `nextCursor` as `cursor`, the
 * answer is a `Page` — its items and the cursor of the next page, null at the end.
 * A cursor is opaque to the client: the domain's keyset codec (packages/game
 * core/page-cursor.ts) makes it from the last row's sort key and reads it back.
 */
import { z } from 'zod';

/** The longest cursor the codec makes (a name sort's 200 characters, base64url). */
export const PAGE_CURSOR_MAX = 400;

/** A cursor as the client sends it back: base64url only, bounded; its content is the domain's to check. */
export const PageCursorSchema = z
  .string()
  .min(1, { error: 'Invalid cursor', abort: true })
  .max(PAGE_CURSOR_MAX, { error: 'Invalid cursor', abort: true })
  .regex(/^[A-Za-z0-9_-]+$/, 'Invalid cursor');

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** pass as `cursor` for the next page; null on the last one */
  nextCursor: string | null;
}

/**
 * When the daily reward popup steps aside by itself. It greets the player on
 * arrival, but it is not a modal: opening another window (or a conversation, a
 * shop) closes it, and so does walking off while it was up by itself — the
 * action bar's dot stays as the reminder.
 */

/** The windows the popup yields to. */
export interface OpenWindows {
  panels: Record<string, boolean>;
  dialogue: unknown;
  vendorContactId: string | null;
}

/** Names of the windows open besides the popup itself. */
export function otherWindows(s: OpenWindows): Set<string> {
  const open = new Set<string>();
  for (const [k, v] of Object.entries(s.panels)) if (v && k !== 'daily') open.add(k);
  if (s.dialogue) open.add('dialogue');
  if (s.vendorContactId) open.add('vendor');
  return open;
}

/** A window opened that was not open before. */
export function openedAnother(before: Set<string>, after: Set<string>): boolean {
  for (const k of after) if (!before.has(k)) return true;
  return false;
}

/** Metres the player may drift (or be nudged) before an unasked popup closes. */
export const WALK_AWAY_M = 3;

export function walkedAway(
  anchor: { x: number; y: number },
  at: { x: number; y: number },
): boolean {
  return Math.hypot(at.x - anchor.x, at.y - anchor.y) > WALK_AWAY_M;
}

/**
 * Whether the keyboard cheat sheet shows, remembered per browser (localStorage): the
 * player's own choice (H, ?, its × or its chip) wins; without one it shows in the
 * first session only — afterwards the playfield is clear and a small "?" chip says
 * where it went. Pure rule plus two guarded storage helpers.
 */
export const KEY_HELP_KEY = 'necp.keyHelp';
export const KEY_HELP_SEEN_KEY = 'necp.keyHelp.seen';

export function keyHelpShown(choice: string | null, seenBefore: boolean): boolean {
  if (choice === 'shown') return true;
  if (choice === 'hidden') return false;
  return !seenBefore;
}

/** Read at the start of a session, and note that a session has seen it. */
export function loadKeyHelp(): boolean {
  try {
    const shown = keyHelpShown(
      localStorage.getItem(KEY_HELP_KEY),
      localStorage.getItem(KEY_HELP_SEEN_KEY) !== null,
    );
    localStorage.setItem(KEY_HELP_SEEN_KEY, '1');
    return shown;
  } catch {
    // blocked storage: the first-session default
    return true;
  }
}

export function saveKeyHelp(shown: boolean) {
  try {
    localStorage.setItem(KEY_HELP_KEY, shown ? 'shown' : 'hidden');
  } catch {
    // blocked storage: the choice lasts for this session
  }
}

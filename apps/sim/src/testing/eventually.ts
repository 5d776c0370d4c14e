/**
 * The one way the sim's tests wait for something that happens on its own time (another
 * process, a timer, the database): vitest's `vi.waitFor`, with the failure naming what
 * never happened, and room for a loaded 2-core machine. For a wait on an expectation,
 * call `vi.waitFor(() => expect(…))` with a timeout.
 */
import { vi } from 'vitest';

/**
 * Polls `get` until it gives something other than undefined or false (a throw counts as
 * "not yet") and resolves with it; fails with "timed out waiting until <what>".
 */
export function eventually<T>(
  what: string,
  get: () => T | undefined | false | Promise<T | undefined | false>,
  // a sim child process starting under a loaded CI run has taken more than 20 s
  timeoutMs = 60_000,
  intervalMs = 20,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const v = await get();
      if (v === undefined || v === false) throw new Error(`timed out waiting until ${what}`);
      return v;
    },
    { timeout: timeoutMs, interval: intervalMs },
  );
}

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

/**
 * The options for `vi.waitFor(() => expect(…), WAIT)` on something the sim does after
 * its tick (a database write, a socket closing): vitest's own 1 s timed out on a loaded
 * 2-core CI run (area-notices.test.ts). Every vi.waitFor names its timeout (eslint).
 */
export const WAIT = { timeout: 15_000, interval: 20 } as const;

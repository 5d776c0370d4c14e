/**
 * A bounded depth-first search for a set of tickets that makes a match: the anchor
 * (the oldest ticket still waiting) plus candidates taken in the given order, each
 * allowed only if `fits` says so, until `complete` holds. Backtracking finds a fit
 * a greedy pass would miss (a party of two when one slot is left), and the node
 * budget keeps a tick's cost flat however the queue looks.
 */

/** Search nodes one anchor may cost; beyond it the anchor waits for the next tick. */
export const SEARCH_NODE_BUDGET = 2_000;

export function pickTickets<T>(
  anchor: T,
  candidates: readonly T[],
  fits: (chosen: readonly T[], next: T) => boolean,
  complete: (chosen: readonly T[]) => boolean,
): T[] | null {
  let budget = SEARCH_NODE_BUDGET;
  const chosen: T[] = [anchor];
  const walk = (from: number): boolean => {
    if (complete(chosen)) return true;
    for (let i = from; i < candidates.length; i++) {
      if (--budget <= 0) return false;
      const next = candidates[i]!;
      if (!fits(chosen, next)) continue;
      chosen.push(next);
      if (walk(i + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return walk(0) ? chosen : null;
}

import type { PositionSink } from '../zone/position-writer';

/**
 * An instance never writes positions: the character row keeps its open-world zone
 * and place as the return point, so a process dying mid-instance leaves nothing
 * to undo (docs/instances.md). Health inside is the instance's own too.
 */
export const noPositionSaves: PositionSink = {
  enqueue: () => undefined,
  flush: () => Promise.resolve(),
  latest: () => undefined,
  landed: () => Promise.resolve(true),
};

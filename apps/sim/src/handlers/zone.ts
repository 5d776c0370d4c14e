import { MoveInputSchema } from '@necp/shared';
import type { EventHandler } from './command';
import { zoneCommand } from './zone-command';

/**
 * zone:move — one movement input into the zone's inbox; acked once the tick took
 * it (or refused it: dead, too many queued, not in the zone); the snapshot acks its seq.
 * No rate window: the per-player input cap (MAX_QUEUED_INPUTS) bounds it.
 */
export const zoneHandlers = {
  'zone:move': zoneCommand('zone:move', MoveInputSchema, {
    budget: null,
    command: (characterId, input) => ({ k: 'move', characterId, input }),
    data: () => undefined,
  }),
} satisfies Record<string, EventHandler>;

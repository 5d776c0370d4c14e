/**
 * Instance commands over the sim socket: instance:leave (docs/instances.md
 * "Leaving and backfill"). Parsed, rate-limited and acked by command(); the host
 * decides (and refuses with INVALID_STATE when the player is in no instance here).
 */
import { InstanceLeaveSchema, type InstanceLeaveResult } from '@necp/shared';
import { notInInstance } from '@necp/game';
import { command, type EventHandler } from './command';

export const instanceHandlers = {
  /** leave the instance you are in now: the same way back as its end, for you alone */
  'instance:leave': command(
    'instance:leave',
    InstanceLeaveSchema,
    async (ctx): Promise<InstanceLeaveResult> => {
      if (!ctx.instances) throw notInInstance();
      return ctx.instances.leave(ctx.session.zone.id, ctx.session.characterId);
    },
  ),
} satisfies Record<string, EventHandler>;

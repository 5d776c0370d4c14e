import {
  CombatCancelSchema,
  CombatRespawnSchema,
  CombatUseSchema,
  type CombatRefusal,
  type CombatUseResult,
  type RespawnResult,
} from '@necp/shared';
import { asReply, replyError, replyOk } from '../net/ack';
import type { RateWindow } from '../net/rate-window';
import { rateLimited } from './command';
import { parsePayload, safely, type HandlerContext } from './context';

/** What the player is told for each refusal (the code lets the client react, e.g. flash a cooldown). */
export const REFUSAL_MESSAGES: Readonly<Record<CombatRefusal, string>> = {
  UNKNOWN_ABILITY: 'You do not know that ability.',
  INVALID_TARGET: 'Invalid target.',
  OUT_OF_RANGE: 'Out of range.',
  NO_LINE_OF_SIGHT: 'You cannot see the target.',
  COOLDOWN: 'That is not ready yet.',
  GCD: 'Not ready yet.',
  NO_RESOURCE: 'Not enough energy.',
  CASTING: 'You are busy casting.',
  STUNNED: 'You are stunned.',
  SILENCED: 'Your cyberware is short-circuited.',
  DEAD: 'You are dead.',
};

const notInZone = { code: 'INVALID_STATE', message: 'Not in the zone.' } as const;

/**
 * combat:use { ability, target?, viewTick? } — validated and resolved in the zone at
 * once (acked with the cast time, or the refusal code); combat:cancel {} — stop the
 * cast; combat:respawn {} — a dead player back at the nearest medical centre. All
 * three share one rate window per socket.
 */
export function registerCombatHandlers(ctx: HandlerContext, limit: RateWindow): void {
  // the zone is read per call: riding the metro moves the session to another one
  const { socket, characterId, conn } = ctx.session;

  socket.on(
    'combat:use',
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<CombatUseResult>(ack);
      const use = parsePayload(ctx, CombatUseSchema, input, reply);
      if (!use) return;
      if (!limit.take()) return replyError(reply, rateLimited);
      const res = ctx.session.zone.useAbility(characterId, conn, use);
      if (!res) return replyError(reply, notInZone);
      if (!res.ok)
        return replyError(reply, { code: res.refusal, message: REFUSAL_MESSAGES[res.refusal] });
      replyOk(reply, { ability: use.ability, castMs: res.castMs });
    }),
  );

  socket.on(
    'combat:cancel',
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<undefined>(ack);
      if (!parsePayload(ctx, CombatCancelSchema, input, reply)) return;
      if (!limit.take()) return replyError(reply, rateLimited);
      ctx.session.zone.cancelCast(characterId, conn);
      replyOk(reply, undefined);
    }),
  );

  socket.on(
    'combat:respawn',
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<RespawnResult>(ack);
      if (!parsePayload(ctx, CombatRespawnSchema, input, reply)) return;
      if (!limit.take()) return replyError(reply, rateLimited);
      const res = ctx.session.zone.respawn(characterId, conn);
      if (res.ok) return replyOk(reply, res.data);
      if (res.reason === 'not_attached') return replyError(reply, notInZone);
      if (res.reason === 'not_dead')
        return replyError(reply, { code: 'INVALID_STATE', message: 'You are not dead.' });
      replyError(reply, { code: 'RATE_LIMITED', message: 'You cannot respawn yet.' });
    }),
  );
}

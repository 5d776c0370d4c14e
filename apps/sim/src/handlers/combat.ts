import {
  CombatCancelSchema,
  CombatRespawnSchema,
  CombatUseSchema,
  type CombatRefusal,
  type CombatUseResult,
  type RespawnResult,
} from '@necp/shared';
import { INTERNAL_REFUSAL, asReply, replyError, replyOk, toAckError } from '../net/ack';
import { NOT_IN_ZONE } from '../zone/zone-refusals';
import { rateLimited, type EventHandler } from './command';
import { parsePayload } from './context';

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

/**
 * combat:use { ability, target?, viewTick? } — into the zone's inbox; validated and
 * resolved (dice included) at the start of the next tick, then acked with the cast
 * time or the refusal code; combat:cancel {} — stop the cast; combat:respawn {} — a
 * dead player back at the nearest medical centre. All three share one rate window
 * per socket (`ctx.fights`). The zone is read per call: riding the metro moves the session.
 */
export const combatHandlers = {
  'combat:use': (ctx, input, ack) => {
    const { characterId, conn } = ctx.session;
    const reply = asReply<CombatUseResult>(ack);
    const use = parsePayload(ctx, CombatUseSchema, input, reply);
    if (!use) return;
    if (!ctx.fights.take()) return replyError(reply, rateLimited);
    ctx.session.zone.submit({ k: 'use', characterId, use }, conn, (err, res) => {
      if (err) return replyError(reply, toAckError(err, ctx.log));
      if (res === undefined) return replyError(reply, INTERNAL_REFUSAL);
      if (!res) return replyError(reply, NOT_IN_ZONE);
      if (!res.ok)
        return replyError(reply, { code: res.refusal, message: REFUSAL_MESSAGES[res.refusal] });
      replyOk(reply, { ability: use.ability, castMs: res.castMs });
    });
  },

  'combat:cancel': (ctx, input, ack) => {
    const { characterId, conn } = ctx.session;
    const reply = asReply<undefined>(ack);
    if (!parsePayload(ctx, CombatCancelSchema, input, reply)) return;
    if (!ctx.fights.take()) return replyError(reply, rateLimited);
    ctx.session.zone.submit({ k: 'cancel', characterId }, conn, (err) => {
      if (err) replyError(reply, toAckError(err, ctx.log));
      else replyOk(reply, undefined);
    });
  },

  'combat:respawn': (ctx, input, ack) => {
    const { characterId, conn } = ctx.session;
    const reply = asReply<RespawnResult>(ack);
    if (!parsePayload(ctx, CombatRespawnSchema, input, reply)) return;
    if (!ctx.fights.take()) return replyError(reply, rateLimited);
    ctx.session.zone.submit({ k: 'respawn', characterId }, conn, (err, res) => {
      if (err) return replyError(reply, toAckError(err, ctx.log));
      if (!res) return replyError(reply, INTERNAL_REFUSAL);
      if (res.ok) replyOk(reply, res.data);
      else replyError(reply, res.refusal);
    });
  },
} satisfies Record<string, EventHandler>;

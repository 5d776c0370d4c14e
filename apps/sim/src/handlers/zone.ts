import { MoveInputSchema } from '@necp/shared';
import { INTERNAL_REFUSAL, asReply, replyError, replyOk, toAckError } from '../net/ack';
import type { EventHandler } from './command';
import { parsePayload } from './context';

/**
 * zone:move — one movement input into the zone's inbox; acked once the tick took
 * it (or refused it: dead, too many queued, not in the zone); the snapshot acks its seq.
 */
export const zoneHandlers = {
  'zone:move': (ctx, input, ack) => {
    const { characterId, conn } = ctx.session;
    const reply = asReply<undefined>(ack);
    const move = parsePayload(ctx, MoveInputSchema, input, reply);
    if (!move) return;
    ctx.session.zone.submit({ k: 'move', characterId, input: move }, conn, (err, res) => {
      if (err) return replyError(reply, toAckError(err, ctx.log));
      if (!res) return replyError(reply, INTERNAL_REFUSAL);
      if (res.ok) replyOk(reply, undefined);
      else replyError(reply, res.refusal);
    });
  },
} satisfies Record<string, EventHandler>;

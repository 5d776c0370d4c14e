import { PingSchema } from '@necp/shared';
import { asReply, replyError, replyOk } from '../net/ack';
import { SLOW_DOWN } from '../net/refusals';
import type { EventHandler } from './command';
import { parsePayload } from './context';

/**
 * net:ping — echoes the client's time with the server's, for RTT and clock offset.
 * Limited per socket (`ctx.pings`): past it the ack is RATE_LIMITED, which still serves
 * as a round trip but costs no clock read.
 */
export const netHandlers = {
  'net:ping': (ctx, input, ack) => {
    const reply = asReply<{ t: number; server: number }>(ack);
    const ping = parsePayload(ctx, PingSchema, input, reply);
    if (!ping) return;
    if (!ctx.pings.take()) return replyError(reply, SLOW_DOWN);
    replyOk(reply, { t: ping.t, server: ctx.clock.ms() });
  },
} satisfies Record<string, EventHandler>;

import { PingSchema } from '@necp/shared';
import { asReply, replyError, replyOk } from '../net/ack';
import type { RateWindow } from '../net/rate-window';
import { rateLimited } from './command';
import { parsePayload, safely, type HandlerContext } from './context';

/**
 * net:ping — echoes the client's time with the server's, for RTT and clock offset.
 * Limited per socket (`limit`): past it the ack is RATE_LIMITED, which still serves
 * as a round trip but costs no clock read.
 */
export function registerNetHandlers(ctx: HandlerContext, limit: RateWindow): void {
  ctx.session.socket.on(
    'net:ping',
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<{ t: number; server: number }>(ack);
      const ping = parsePayload(ctx, PingSchema, input, reply);
      if (!ping) return;
      if (!limit.take()) return replyError(reply, rateLimited);
      replyOk(reply, { t: ping.t, server: ctx.clock.ms() });
    }),
  );
}

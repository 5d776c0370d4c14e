import { PingSchema } from '@necp/shared';
import { asReply, replyOk } from '../net/ack';
import { parsePayload, safely, type HandlerContext } from './context';

/** net:ping — echoes the client's time with the server's, for RTT and clock offset. */
export function registerNetHandlers(ctx: HandlerContext): void {
  ctx.session.socket.on(
    'net:ping',
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<{ t: number; server: number }>(ack);
      const ping = parsePayload(ctx, PingSchema, input, reply);
      if (!ping) return;
      replyOk(reply, { t: ping.t, server: ctx.clock.ms() });
    }),
  );
}

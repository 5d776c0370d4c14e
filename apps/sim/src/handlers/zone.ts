import { MoveInputSchema } from '@necp/shared';
import { asReply, replyError, replyOk } from '../net/ack';
import { parsePayload, safely, type HandlerContext } from './context';

/** zone:move — queue one movement input for the next tick; the snapshot acks its seq. */
export function registerZoneHandlers(ctx: HandlerContext): void {
  const { socket, characterId, conn } = ctx.session;
  socket.on(
    'zone:move',
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<undefined>(ack);
      const move = parsePayload(ctx, MoveInputSchema, input, reply);
      if (!move) return;
      const res = ctx.session.zone.queueInput(characterId, conn, move);
      if (res === 'queued') replyOk(reply, undefined);
      else if (res === 'dead') replyError(reply, { code: 'DEAD', message: 'You are dead.' });
      else if (res === 'full')
        replyError(reply, { code: 'RATE_LIMITED', message: 'Too many inputs; input dropped.' });
      else replyError(reply, { code: 'INVALID_STATE', message: 'Not in the zone.' });
    }),
  );
}

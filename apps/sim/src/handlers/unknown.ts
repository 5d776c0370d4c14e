import { asReply } from '../net/ack';
import { rejectPayload, safely, type HandlerContext } from './context';

/** Client events with no handler count as bad payloads (a well-behaved client never sends them). */
export function registerUnknownEventGuard(ctx: HandlerContext, known: ReadonlySet<string>): void {
  ctx.session.socket.onAny(
    safely(ctx, (event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && known.has(event)) return;
      rejectPayload(ctx, asReply(args.at(-1)), `unknown event ${String(event).slice(0, 64)}`);
    }),
  );
}

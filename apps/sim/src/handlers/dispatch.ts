import type { ClientEvent } from '@necp/shared';
import { asReply } from '../net/ack';
import { noteInput } from '../chat/presence';
import { adminHandlers } from './admin';
import { chatHandlers } from './chat';
import { combatHandlers } from './combat';
import type { CommandContext, EventHandler } from './command';
import { rejectPayload, safely } from './context';
import { inventoryHandlers } from './inventory';
import { itemUseHandlers } from './item-use';
import { lootHandlers } from './loot';
import { instanceHandlers } from './instances';
import { matchHandlers } from './matchmaking';
import { netHandlers } from './net';
import { partyHandlers } from './party';
import { tradeHandlers } from './trade';
import { travelHandlers } from './travel';
import { zoneHandlers } from './zone';

/** Every client event the contract names, and its handler (the compiler checks none is missing). */
const HANDLERS: Readonly<Record<ClientEvent, EventHandler>> = {
  ...zoneHandlers,
  ...netHandlers,
  ...combatHandlers,
  ...lootHandlers,
  ...inventoryHandlers,
  ...adminHandlers,
  ...travelHandlers,
  ...itemUseHandlers,
  ...chatHandlers,
  ...partyHandlers,
  ...tradeHandlers,
  ...matchHandlers,
  ...instanceHandlers,
};
const byEvent: ReadonlyMap<string, EventHandler> = new Map(Object.entries(HANDLERS));

/** The events the sim handles (a test holds them against the contract). */
export const HANDLED_EVENTS: readonly string[] = [...byEvent.keys()];

/**
 * One listener per socket for every client event: the handler is looked up in a
 * module-level table and given the socket's context, instead of a closure per
 * event per socket. An event with no handler counts as a bad payload (a
 * well-behaved client never sends one). Nothing a handler throws escapes
 * (`safely`): Socket.IO runs listeners from its own callbacks.
 */
export function listen(ctx: CommandContext): void {
  ctx.session.socket.onAny(
    safely(ctx, (event: unknown, ...args: unknown[]) => {
      const handler = typeof event === 'string' ? byEvent.get(event) : undefined;
      // any command but the client's automatic ping is the player being there
      if (handler && event !== 'net:ping')
        noteInput(ctx.deps, ctx.push, ctx.session, (err) =>
          ctx.log.warn({ err }, 'presence update failed'),
        );
      if (handler) handler(ctx, args[0], args[1]);
      else rejectPayload(ctx, asReply(args.at(-1)), `unknown event ${String(event).slice(0, 64)}`);
    }),
  );
}

import type { z } from 'zod';
import type { ClientEvent, ClientEventSchemas } from '@necp/shared';
import type { GameDeps } from '@necp/game';
import type { ItemCooldowns } from '../items/item-cooldowns';
import type { ZoneLoot } from '../loot/zone-loot';
import { asReply, replyError, replyOk, toAckError } from '../net/ack';
import type { RateWindow } from '../net/rate-window';
import type { StatsRefresher } from '../session/stats-refresher';
import type { SessionRegistry } from '../session/sessions';
import type { Zone } from '../zone/zone';
import { parsePayload, safely, type HandlerContext } from './context';

/** What the item/loot commands need beyond the basic handler context. */
export interface CommandContext extends HandlerContext {
  deps: GameDeps;
  /** every zone this process serves, by id (metro destinations) */
  zones: ReadonlyMap<string, Zone>;
  /** the loot state of each zone, by zone id (see lootOf: the session's zone can change) */
  loot: ReadonlyMap<string, ZoneLoot>;
  stats: StatsRefresher;
  /** item cooldowns of this process (per character, not per connection) */
  items: ItemCooldowns;
  /** commands that cost database work (pickup, crate, drop, admin, travel, item use) share this budget */
  actions: RateWindow;
  /** the sessions of this process (a metro ride checks it was not taken over meanwhile) */
  sessions: SessionRegistry;
}

export const rateLimited = { code: 'RATE_LIMITED', message: 'Slow down.' } as const;

/**
 * Registers a client command that does async (database) work: parse the payload
 * with its schema (VALIDATION ack otherwise), spend from `limit`, run, then ack
 * `{ ok: true, data }` or the error (DomainErrors as they are, anything else INTERNAL).
 * The schema must be the event's own in CLIENT_EVENT_SCHEMAS (checked by the compiler).
 */
export function onCommand<E extends ClientEvent, S extends z.ZodType, T>(
  ctx: CommandContext,
  event: E,
  schema: S & ClientEventSchemas[E],
  limit: RateWindow | undefined,
  run: (payload: z.output<S>) => Promise<T>,
): void {
  ctx.session.socket.on(
    event as ClientEvent,
    safely(ctx, (input: unknown, ack?: unknown) => {
      const reply = asReply<T>(ack);
      const payload = parsePayload(ctx, schema, input, reply);
      if (payload === undefined) return;
      if (limit && !limit.take()) return replyError(reply, rateLimited);
      run(payload).then(
        (data) => replyOk(reply, data),
        (err: unknown) => replyError(reply, toAckError(err, ctx.log)),
      );
    }),
  );
}

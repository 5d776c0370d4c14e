import type { z } from 'zod';
import type { ClientEvent, ClientEventSchemas, PushSink } from '@necp/shared';
import type { GameDeps } from '@necp/game';
import type { ItemCooldowns } from '../items/item-cooldowns';
import type { ZoneLoot } from '../loot/zone-loot';
import { asReply, replyError, replyOk, toAckError } from '../net/ack';
import { SLOW_DOWN } from '../net/refusals';
import type { RateWindow } from '../net/rate-window';
import type { StatsRefresher } from '../session/stats-refresher';
import type { InstanceHost } from '../instances/instance-host';
import type { SimMatchmaking } from '../matchmaking/sim-matchmaking';
import type { SessionRegistry } from '../session/sessions';
import type { Zone } from '../zone/zone';
import type { TradeWatch } from '../trade/trade-watch';
import { parsePayload, type HandlerContext } from './context';

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
  /** net:ping's own budget */
  pings: RateWindow;
  /** combat:use/cancel/respawn share this one */
  fights: RateWindow;
  /** the sessions of this process (a metro ride checks it was not taken over meanwhile) */
  sessions: SessionRegistry;
  /** this process's matchmaking (its store and pushes) */
  matchmaking: SimMatchmaking;
  /** the pushes a domain operation returned go here (net/push-dispatcher.ts): the one way to other players */
  push: PushSink;
  /** the live trades of this process's players (trade/trade-watch.ts) */
  trades: TradeWatch;
  /** the instances this process runs (instance:leave); absent: none */
  instances?: Pick<InstanceHost, 'leave'>;
}

/**
 * A client event's handler: one module-level function for every socket, given
 * that socket's context — no closures per socket (they were ~30 a connection).
 * `input` and `ack` are the event's first two arguments as the client sent them.
 */
export type EventHandler = (ctx: CommandContext, input: unknown, ack: unknown) => void;

/**
 * A client command that does async (database) work: parse the payload with its
 * schema (VALIDATION ack otherwise), spend from the socket's action budget, run,
 * then ack `{ ok: true, data }` or the error (DomainErrors and SimRefusals as they
 * are, anything else INTERNAL). The schema must be the event's own in
 * CLIENT_EVENT_SCHEMAS (checked by the compiler). A command the zone applies in its
 * tick is a zoneCommand (zone-command.ts) instead; zone:travel is hand-written (its
 * ack must precede the welcome) and net:ping does no work worth a budget.
 */
export function command<E extends ClientEvent, S extends z.ZodType, T>(
  _event: E,
  schema: S & ClientEventSchemas[E],
  run: (ctx: CommandContext, payload: z.output<S>) => Promise<T>,
): EventHandler {
  return (ctx, input, ack) => {
    const reply = asReply<T>(ack);
    const payload = parsePayload(ctx, schema, input, reply);
    if (payload === undefined) return;
    if (!ctx.actions.take()) return replyError(reply, SLOW_DOWN);
    run(ctx, payload).then(
      (data) => replyOk(reply, data),
      (err: unknown) => replyError(reply, toAckError(err, ctx.log)),
    );
  };
}

import type { z } from 'zod';
import type { ClientEvent, ClientEventSchemas, CombatRefusal, Refusal } from '@necp/shared';
import { asReply, replyError, replyOk, toAckError } from '../net/ack';
import { INTERNAL_REFUSAL, SLOW_DOWN, refusalOf } from '../net/refusals';
import type { ZoneCommand, ZoneCommandKind, ZoneCommandResults } from '../zone/zone-commands';
import type { CommandContext, EventHandler } from './command';
import { parsePayload } from './context';

/** A zone answer that refuses: the zone's Refusal, or the combat engine's code. */
type RefusedAnswer = { ok: false; refusal: Refusal | CombatRefusal };

/** What the zone answers a command with when it grants it. */
type Granted<C extends ZoneCommand> = NonNullable<
  Exclude<ZoneCommandResults[C['k']], RefusedAnswer>
>;

const isRefused = (answer: object): answer is RefusedAnswer =>
  (answer as { ok?: unknown }).ok === false;

export interface ZoneCommandSpec<P, C extends ZoneCommand, T> {
  /** the socket's rate window it spends from (CommandContext); null: the zone's own caps bound it */
  budget: 'fights' | null;
  /** the zone command the payload becomes */
  command: (characterId: string, payload: P) => C;
  /** the ack's data from a granted answer */
  data: (granted: Granted<C>, payload: P) => T;
}

/**
 * A client command the zone applies in its tick (the live world is the zone's):
 * parse the payload (VALIDATION otherwise), spend from the rate window, submit to
 * the session's zone of the moment (the metro moves the session), ack from inside
 * the tick that applied it — before that tick's snapshots go out. One mapping of the
 * answer for all: an error applying it as toAckError says; `{ ok: false, refusal }`
 * is the refusal (a combat code with its text); anything else is the data.
 * A missing answer (undefined or null: the zone applied the command but said
 * nothing) is a bug in the zone — every refusal, "not in the zone" too, is answered
 * explicitly — so it is logged and acked INTERNAL.
 */
export function zoneCommand<E extends ClientEvent, S extends z.ZodType, C extends ZoneCommand, T>(
  _event: E,
  schema: S & ClientEventSchemas[E],
  spec: ZoneCommandSpec<z.output<S>, C, T>,
): EventHandler {
  return (ctx: CommandContext, input, ack) => {
    const { characterId, conn } = ctx.session;
    const reply = asReply<T>(ack);
    const payload = parsePayload(ctx, schema, input, reply);
    if (payload === undefined) return;
    if (spec.budget && !ctx[spec.budget].take()) return replyError(reply, SLOW_DOWN);
    const cmd = spec.command(characterId, payload);
    // submitted as any command (the compiler cannot narrow C's kind): answered as C's kind
    ctx.session.zone.submit<ZoneCommandKind>(cmd, conn, (err, answer) => {
      if (err) return replyError(reply, toAckError(err, ctx.log));
      if (answer === undefined || answer === null) {
        ctx.log.error({ k: cmd.k, characterId }, 'zone command answered nothing');
        return replyError(reply, INTERNAL_REFUSAL);
      }
      if (typeof answer === 'object' && isRefused(answer))
        return replyError(reply, refusalOf(answer.refusal));
      replyOk(reply, spec.data(answer as Granted<C>, payload));
    });
  };
}

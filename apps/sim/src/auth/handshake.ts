import { HandshakeAuthSchema, type ConnectErrorData } from '@necp/shared';
import {
  DomainError,
  isDomainError,
  loadSimEntry,
  verifyQuantumSyncToken,
  verifySimTicket,
  type Clock,
  type GameDeps,
  type Log,
  type SimCharacter,
} from '@necp/game';
import { INTERNAL_REFUSAL } from '../net/refusals';
import type { SimSocket } from '../net/types';
import type { AdmissionGate } from './admission';
import type { JtiStore } from './jti-store';

/** A refused handshake: socket.io hands `message` and `data` to the client's `connect_error`. */
export class ConnectRefusal extends Error {
  constructor(
    message: string,
    readonly data: ConnectErrorData,
  ) {
    super(message);
  }
}

export interface HandshakeContext {
  deps: GameDeps;
  clock: Clock;
  log: Log;
  jtis: JtiStore;
  /** can this process host the character (is its zone, or its live entity, here)? */
  canHost(character: SimCharacter): boolean;
  /** the raid (match and members) the character would play in here; undefined: not a raid */
  raidOf?(character: SimCharacter): { matchId: string; memberIds: readonly string[] } | undefined;
  /** is this process opening the zone (its lease held, the zone not open yet)? */
  opening?(zoneId: string): boolean;
  isClosing(): boolean;
  /** turns players away while the process is behind (admission.ts) */
  admission: AdmissionGate;
}

/** The refusal of a sim too busy to admit anyone now; the ticket is left unused. */
export const SERVER_BUSY: ConnectErrorData = {
  code: 'UNAVAILABLE',
  message: 'The server is busy. Try again in a moment.',
};

/**
 * Socket.IO middleware: a connection is accepted only with a valid, unused ticket
 * for a live character of the ticket's own account, which is not banned now. The result lands in
 * `socket.data.auth` for the connection handler.
 */
export function ticketHandshake(ctx: HandshakeContext) {
  return (socket: SimSocket, next: (err?: Error) => void) => {
    if (!ctx.admission.tryEnter()) {
      next(new ConnectRefusal('server busy', SERVER_BUSY));
      return;
    }
    authenticate(ctx, socket)
      .finally(() => ctx.admission.leave())
      .then(
        () => next(),
        (err: unknown) => next(toRefusal(err, ctx.log)),
      );
  };
}

async function authenticate(ctx: HandshakeContext, socket: SimSocket): Promise<void> {
  if (ctx.isClosing()) {
    throw new DomainError(
      'INVALID_STATE',
      'server shutting down',
      'The server is restarting. Try again in a moment.',
    );
  }
  const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
  if (!auth.success)
    throw new DomainError('UNAUTHENTICATED', 'missing ticket', 'A session ticket is required.');

  const claims = await verifySimTicket(
    ctx.deps.config.simTicketSecret,
    auth.data.ticket,
    ctx.clock.ms(),
  );
  if (!(await ctx.jtis.consume(claims.jti, claims.exp * 1000))) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'ticket already used',
      'This session ticket was already used. Please re-enter the game.',
    );
  }
  // ban, revoked session, the account's own live character and its stats: one round trip
  const { character, stats } = await loadSimEntry(ctx.deps, {
    userId: claims.sub,
    characterId: claims.cid,
    sessionVersion: claims.sv,
    ...(claims.sid === undefined ? {} : { sessionId: claims.sid }),
  });
  if (!ctx.canHost(character)) {
    // a takeover in progress: the lease (the URL the web hands out) is ours, the zone
    // opens in a moment — retry, like "server busy", rather than give up on it
    if (ctx.opening?.(character.zoneId))
      throw new DomainError(
        'UNAVAILABLE',
        `zone ${character.zoneId} is opening here`,
        'That district is starting up. Try again in a moment.',
      );
    throw new DomainError(
      'INVALID_STATE',
      `zone ${character.zoneId} is not served here`,
      'That district is not open yet.',
    );
  }
  // a raid admits its own group only: the member's short-lived quantum_sync_token
  // (arenas and the open world need none)
  const raid = ctx.raidOf?.(character);
  if (raid)
    await verifyQuantumSyncToken(ctx.deps, ctx.jtis, auth.data.quantumSyncToken, {
      ...raid,
      characterId: character.id,
    });
  socket.data.auth = {
    userId: claims.sub,
    ...(claims.sid ? { loginSessionId: claims.sid } : {}),
    character,
    stats,
  };
}

function toRefusal(err: unknown, log: Log): ConnectRefusal {
  if (isDomainError(err))
    return new ConnectRefusal(err.message, { code: err.code, message: err.userMessage });
  log.error({ err }, 'handshake failed unexpectedly');
  return new ConnectRefusal('internal error', INTERNAL_REFUSAL);
}

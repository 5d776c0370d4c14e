/**
 * Sim tickets: short-lived signed tokens (HS256 JWT via jose) that let a browser
 * connect one of its own characters to apps/sim. The web session cookie never
 * reaches the sim; the ticket names the account, the character and the zone.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { IdSchema, SIM_TICKET_TTL_SECONDS } from '@necp/shared';
import { DomainError } from '../core/errors';

const ISSUER = 'necp-web';
const AUDIENCE = 'necp-sim';

/**
 * A signature proves who minted a ticket, not that its claims are sane: every id is
 * held to IdSchema, so one with a NUL (PostgreSQL refuses it) is an invalid ticket,
 * not an internal error at the handshake.
 */
export const SimTicketClaimsSchema = z.object({
  sub: IdSchema, // user id
  cid: IdSchema, // character id
  role: z.enum(['PLAYER', 'MODERATOR', 'ADMIN']),
  /** the account's sessionVersion when minted (a later revocation voids the ticket) */
  sv: z.int().min(0),
  /**
   * the login session (sign-in) that minted it: signing that session out disconnects
   * the sockets opened with it. Absent only on tickets signed by tools (the bench).
   */
  sid: IdSchema.optional(),
  jti: IdSchema,
  exp: z.number(),
});
export type SimTicketClaims = z.infer<typeof SimTicketClaimsSchema>;

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signSimTicket(
  secret: string,
  claims: {
    userId: string;
    characterId: string;
    role: SimTicketClaims['role'];
    sessionVersion: number;
    /** the minting login session's id (see SimTicketClaims.sid) */
    sessionId?: string;
  },
  nowMs: number,
): Promise<{ ticket: string; expiresAt: Date }> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + SIM_TICKET_TTL_SECONDS;
  const ticket = await new SignJWT({
    cid: claims.characterId,
    role: claims.role,
    sv: claims.sessionVersion,
    ...(claims.sessionId ? { sid: claims.sessionId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(secret));
  return { ticket, expiresAt: new Date(exp * 1000) };
}

/** Verifies signature, audience and expiry; throws UNAUTHENTICATED with a reason. */
export async function verifySimTicket(
  secret: string,
  ticket: string,
  nowMs: number,
): Promise<SimTicketClaims> {
  try {
    const { payload } = await jwtVerify(ticket, key(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(nowMs),
    });
    return SimTicketClaimsSchema.parse(payload);
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired)
      throw new DomainError(
        'UNAUTHENTICATED',
        'ticket expired',
        'Your session ticket expired. Please re-enter the game.',
      );
    throw new DomainError('UNAUTHENTICATED', 'invalid ticket', 'Invalid session ticket.');
  }
}

/**
 * The raid's entry token, `quantum_sync_token` (docs/instances.md): the web mints it
 * for a member of a raid group whose instance is open, and the sim that runs the
 * instance admits a character into it only with one. It binds the match, the
 * character and the group (a digest of all members), lives QUANTUM_SYNC_TOKEN_TTL_SECONDS
 * and is used once. Signed like the sim ticket (HS256 via jose), with a key derived
 * from the ticket secret, so neither token can stand in for the other.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { QUANTUM_SYNC_TOKEN_TTL_SECONDS } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { getLiveCharacter } from '../characters/get-owned-character';
import type { JtiStore } from '../session/jti-store';

const ISSUER = 'necp-web';
const AUDIENCE = 'necp-raid';

export const QuantumSyncClaimsSchema = z.object({
  matchId: z.string().min(1),
  characterId: z.string().min(1),
  /** groupDigest of the raid's members */
  group: z.string().min(1),
  jti: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
});
export type QuantumSyncClaims = z.infer<typeof QuantumSyncClaimsSchema>;

/** A key of its own, derived from the ticket secret (a leaked ticket key is not a raid key and back). */
const raidKey = (secret: string) =>
  new Uint8Array(createHmac('sha256', secret).update('necp quantum_sync_token v1').digest());

/** The group's fingerprint: the same members in any order give the same digest. */
export function groupDigest(memberIds: readonly string[]): string {
  const ids = [...new Set(memberIds)].sort();
  return createHash('sha256').update(ids.join('\n')).digest('base64url');
}

const notInRaid = () =>
  new DomainError(
    'FORBIDDEN',
    'character is not in an open raid',
    'This character is not in a raid group right now.',
  );

export interface QuantumSyncToken {
  token: string;
  matchId: string;
  expiresAt: Date;
}

/**
 * A token for a live character (whose ownership the API checked; missing: NOT_FOUND) that
 * is a member of a raid match whose instance is open and which has not ended.
 * The match and its members are read from PostgreSQL (Match, MatchParticipant:
 * written when the instance opened); anything else is FORBIDDEN.
 */
export async function mintQuantumSyncToken(
  deps: Pick<GameDeps, 'db' | 'clock'> & { config: Pick<GameDeps['config'], 'simTicketSecret'> },
  input: { characterId: string },
): Promise<QuantumSyncToken> {
  const c = await getLiveCharacter(deps, input.characterId);
  if (!c.instanceId) throw notInRaid();
  const instance = await deps.db.instance.findUnique({ where: { id: c.instanceId } });
  if (!instance || instance.kind !== 'raid' || instance.state !== 'open') throw notInRaid();
  const match = await deps.db.match.findUnique({
    where: { id: instance.matchId },
    select: { kind: true, endedAt: true, participants: { select: { characterId: true } } },
  });
  const members = match?.participants.map((p) => p.characterId) ?? [];
  if (!match || match.kind !== 'raid' || match.endedAt || !members.includes(c.id))
    throw notInRaid();

  const iat = Math.floor(deps.clock.ms() / 1000);
  const exp = iat + QUANTUM_SYNC_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({
    matchId: instance.matchId,
    characterId: c.id,
    group: groupDigest(members),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'quantum_sync_token' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(raidKey(deps.config.simTicketSecret));
  return { token, matchId: instance.matchId, expiresAt: new Date(exp * 1000) };
}

export interface RaidEntry {
  /** the raid instance's match */
  matchId: string;
  /** the character the sim ticket names */
  characterId: string;
  /** every member of the instance's group */
  memberIds: readonly string[];
}

const refused = (code: 'UNAUTHENTICATED' | 'FORBIDDEN', why: string, userMessage: string) =>
  new DomainError(code, `quantum_sync_token ${why}`, userMessage);

/**
 * Admits `entry.characterId` into the raid only with a valid token: signed with the
 * raid key, not expired (the injected clock), for this match, this character and
 * this group, and never used before (its id is consumed last, in `jtis` under
 * `raid:`, so a refused token is not burnt). A missing, forged, expired or replayed
 * token is UNAUTHENTICATED (the client fetches a new one); one for another raid,
 * group or character is FORBIDDEN.
 */
export async function verifyQuantumSyncToken(
  deps: Pick<GameDeps, 'clock' | 'config'>,
  jtis: JtiStore,
  token: string | undefined,
  entry: RaidEntry,
): Promise<QuantumSyncClaims> {
  if (!token)
    throw refused(
      'UNAUTHENTICATED',
      'missing',
      'Entering a raid needs your group’s sync token. Please re-enter the game.',
    );
  let claims: QuantumSyncClaims;
  try {
    const { payload } = await jwtVerify(token, raidKey(deps.config.simTicketSecret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      typ: 'quantum_sync_token',
      currentDate: new Date(deps.clock.ms()),
    });
    claims = QuantumSyncClaimsSchema.parse(payload);
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired)
      throw refused(
        'UNAUTHENTICATED',
        'expired',
        'Your raid sync token expired. Please re-enter the game.',
      );
    throw refused('UNAUTHENTICATED', 'invalid', 'Invalid raid sync token.');
  }
  if (claims.matchId !== entry.matchId)
    throw refused('FORBIDDEN', 'for another raid', 'This sync token is for another raid.');
  if (claims.characterId !== entry.characterId)
    throw refused(
      'FORBIDDEN',
      'for another character',
      'This sync token is for another character.',
    );
  if (claims.group !== groupDigest(entry.memberIds))
    throw refused('FORBIDDEN', 'for another group', 'This sync token is for another raid group.');
  if (!(await jtis.consume(`raid:${claims.jti}`, claims.exp * 1000)))
    throw refused(
      'UNAUTHENTICATED',
      'already used',
      'This raid sync token was already used. Please re-enter the game.',
    );
  return claims;
}

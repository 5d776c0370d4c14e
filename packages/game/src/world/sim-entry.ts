import { z } from 'zod';
import { closedSet } from '../core/closed-columns';
import type { GameDeps } from '../core/deps';
import { characterNotFound, DomainError } from '../core/errors';
import { isBanned } from '../accounts/ban-check';
import { titleText } from '../achievements/set-title';
import { statsOf, type CharacterStats } from './character-stats';
import type { SimCharacter } from './load-character';

/** Who enters the sim: the ticket's claims (session/ticket.ts) that name the account, session and character. */
export interface SimEntryClaims {
  userId: string;
  characterId: string;
  /** the ticket's session version: an older one was revoked */
  sessionVersion: number;
  /** the minting login session, if the ticket names one */
  sessionId?: string;
}

export interface SimEntry {
  character: SimCharacter;
  stats: CharacterStats;
}

const ItemRowSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  quantity: z.number().int(),
  durability: z.number().int().nullable(),
  container: z.string(),
  slot: z.number().int(),
  template: z.object({ id: z.string(), data: z.unknown(), weight: z.number() }),
});

const CharacterRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.number().int(),
  class: closedSet.Character.class,
  origin: closedSet.Character.origin,
  health: z.number().int(),
  maxHealth: z.number().int(),
  zoneId: z.string(),
  instanceId: z.string().nullable(),
  x: z.number(),
  y: z.number(),
  body: z.number().int(),
  reflexes: z.number().int(),
  technical: z.number().int(),
  intelligence: z.number().int(),
  cool: z.number().int(),
  guildTag: z.string().nullable(),
  titleId: z.string().nullable(),
  items: z.array(ItemRowSchema).max(1000),
});

const EntryRowSchema = z.object({
  bannedUntil: z.date().nullable(),
  sessionVersion: z.number().int(),
  signedOut: z.boolean(),
  /** null when it is not this account's live character */
  character: CharacterRowSchema.nullable(),
});

/**
 * Everything a sim handshake reads from PostgreSQL in one round trip (a join
 * used to take five queries, each compiled by Prisma's query compiler): the
 * account's ban and session version, whether the minting session was signed out,
 * the character (the account's own, not deleted) and what its stats derive from.
 * Refuses exactly as currentAccess + isSignedOut + loadCharacterForSim did, in
 * that order: UNAUTHENTICATED (no account, revoked session), FORBIDDEN (banned),
 * NOT_FOUND (not this account's live character).
 */
export async function loadSimEntry(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  claims: SimEntryClaims,
): Promise<SimEntry> {
  const sid = claims.sessionId ?? null;
  const rows = await deps.db.$queryRaw<unknown[]>`
    SELECT u."bannedUntil", u."sessionVersion",
      (${sid}::text IS NOT NULL AND EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r.id = ${sid}::text)) AS "signedOut",
      (SELECT json_build_object(
        'id', c.id, 'name', c.name, 'level', c.level, 'class', c.class, 'origin', c.origin, 'health', c.health,
        'maxHealth', c."maxHealth", 'zoneId', c."zoneId",
        'instanceId', c."instanceId", 'x', c.x, 'y', c.y, 'body', c.body,
        'reflexes', c.reflexes, 'technical', c.technical, 'intelligence', c.intelligence,
        'cool', c.cool,
        'guildTag', (SELECT g.tag FROM "GuildMember" gm JOIN "Guild" g ON g.id = gm."guildId"
          WHERE gm."characterId" = c.id),
        'titleId', c."titleId",
        'items', COALESCE((
          SELECT json_agg(json_build_object(
            'id', i.id, 'templateId', i."templateId", 'quantity', i.quantity,
            'durability', i.durability, 'container', i.container, 'slot', i.slot,
            'template', json_build_object('id', t.id, 'data', t.data, 'weight', t.weight)))
          FROM "Item" i JOIN "ItemTemplate" t ON t.id = i."templateId"
          WHERE i."characterId" = c.id AND i.container IN ('BAG', 'EQUIPMENT')
        ), '[]'::json))
      FROM "Character" c
      WHERE c.id = ${claims.characterId} AND c."userId" = u.id AND c."deletedAt" IS NULL
      ) AS character
    FROM "User" u
    WHERE u.id = ${claims.userId}`;
  if (rows.length === 0)
    throw new DomainError(
      'UNAUTHENTICATED',
      `user ${claims.userId} not found`,
      'Please sign in again.',
    );
  const row = EntryRowSchema.parse(rows[0]);
  // a ticket minted before a ban (it lives a minute) must not let the account back in
  if (isBanned(row, deps.clock.ms()))
    throw new DomainError('FORBIDDEN', 'account banned', 'This account is suspended.');
  // nor one minted before "sign out everywhere" or a password change, or by a session since signed out
  if (row.sessionVersion !== claims.sessionVersion || row.signedOut) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'ticket from a revoked session',
      'You were signed out. Please sign in again.',
    );
  }
  const c = row.character;
  if (!c) throw characterNotFound(claims.characterId);
  const character: SimCharacter = {
    id: c.id,
    userId: claims.userId,
    name: c.name,
    level: c.level,
    classId: c.class,
    origin: c.origin,
    health: c.health,
    maxHealth: c.maxHealth,
    zoneId: c.zoneId,
    instanceId: c.instanceId,
    x: c.x,
    y: c.y,
    guildTag: c.guildTag,
    title: titleText(c.titleId),
  };
  const stats = statsOf(c, c.items);
  return { character, stats };
}

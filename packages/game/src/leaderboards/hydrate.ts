/**
 * What a board row shows besides its score — the character's name, class, level,
 * title and guild tag (or the guild's name, tag and size) — read for one page of ids
 * in one statement. Only listed subjects come back: an id missing from the answer
 * was deleted, banned or disbanded since the board last heard of it.
 */
import { guildLevel, titleById, type ClassId } from '@necp/shared';
import { Prisma } from '@necp/db';
import { closedSet } from '../core/closed-columns';
import type { Db, Tx } from '../core/deps';

export interface SubjectInfo {
  id: string;
  name: string;
  class: ClassId | null;
  level: number;
  guildTag: string | null;
  title: string | null;
  /** guilds: members (every member row, as the guild page counts them) */
  members: number | null;
}

const listed = (now: Date) =>
  Prisma.sql`c."deletedAt" IS NULL AND (u."bannedUntil" IS NULL OR u."bannedUntil" <= ${now})`;

export async function characterInfo(
  db: Db | Tx,
  now: Date,
  ids: readonly string[],
): Promise<Map<string, SubjectInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      class: string;
      level: number;
      titleId: string | null;
      tag: string | null;
    }[]
  >`
    SELECT c."id", c."name", c."class", c."level", c."titleId", g."tag"
    FROM "Character" c
    JOIN "User" u ON u."id" = c."userId"
    LEFT JOIN "GuildMember" m ON m."characterId" = c."id"
    LEFT JOIN "Guild" g ON g."id" = m."guildId"
    WHERE c."id" = ANY(${[...ids]}::text[]) AND ${listed(now)}`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        class: closedSet.Character.class.parse(r.class),
        level: r.level,
        guildTag: r.tag,
        title: r.titleId ? (titleById(r.titleId)?.text ?? null) : null,
        members: null,
      },
    ]),
  );
}

export async function guildInfo(
  db: Db | Tx,
  now: Date,
  ids: readonly string[],
): Promise<Map<string, SubjectInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<
    { id: string; name: string; tag: string; members: number; listed: number }[]
  >`
    SELECT g."id", g."name", g."tag", count(*)::int AS "members",
      (count(*) FILTER (WHERE ${listed(now)}))::int AS "listed"
    FROM "Guild" g
    JOIN "GuildMember" m ON m."guildId" = g."id"
    JOIN "Character" c ON c."id" = m."characterId"
    JOIN "User" u ON u."id" = c."userId"
    WHERE g."id" = ANY(${[...ids]}::text[])
    GROUP BY g."id"`;
  return new Map(
    rows
      .filter((r) => r.listed > 0)
      .map((r) => [
        r.id,
        {
          id: r.id,
          name: r.name,
          class: null,
          level: guildLevel(r.members),
          guildTag: r.tag,
          title: null,
          members: r.members,
        },
      ]),
  );
}

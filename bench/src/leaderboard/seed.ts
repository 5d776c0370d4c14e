/**
 * A million ranked characters, made in the database itself: a few set-based
 * statements over generate_series (one account each, a class, a level/XP, achievement
 * points, eddies), guilds with ranks and members, completed achievements for every
 * hundredth character (the profiles the bench reads), a few banned accounts and
 * deleted characters (the boards must skip them). Deterministic: `setseed` in the
 * statements' transaction, so two runs rank the same characters the same way.
 *
 * Shapes, by design: levels fall off like a real population's (most low, a tail up to
 * the cap of 50), so the level board has large ties within a level and XP decides;
 * 40 % hold no achievement points and 8 % no eddies (off those boards).
 */
import { ACHIEVEMENTS, CLASS_IDS, ORIGIN_IDS } from '@necp/shared';
import type { Db } from '@necp/db';

export interface SeedPlan {
  characters: number;
  /** guilds (at most 26⁴: a tag is B + four letters); every 20th character is in one */
  guilds: number;
}

export interface SeededCharacter {
  id: string;
  name: string;
}

/** The i-th bench character's id and name (1-based), as the statements write them. */
export const benchCharacter = (i: number): SeededCharacter => ({
  id: `lbc${String(i).padStart(8, '0')}`,
  name: `Lb${i}`,
});

/** 1 in this many accounts is banned now, 1 in this many characters deleted. */
const BANNED_EVERY = 211;
const DELETED_EVERY = 197;
/** Whether the i-th bench character is on the boards (its account not banned, it not deleted). */
export const isListedBenchCharacter = (i: number) =>
  i % BANNED_EVERY !== 0 && i % DELETED_EVERY !== 0;

/** every hundredth character has five completed achievements (profile pages) */
export const PROFILED_EVERY = 100;

export async function seedRankedCharacters(
  db: Db,
  plan: SeedPlan,
  log: (m: string) => void,
): Promise<void> {
  const n = plan.characters;
  const classes = `ARRAY[${CLASS_IDS.map((c) => `'${c}'`).join(',')}]`;
  const origins = `ARRAY[${ORIGIN_IDS.map((c) => `'${c}'`).join(',')}]`;
  const achievements = `ARRAY[${ACHIEVEMENTS.slice(0, 12)
    .map((a) => `'${a.id}'`)
    .join(',')}]`;
  const steps: [string, string][] = [
    [
      'accounts',
      `INSERT INTO "User" ("id", "email", "username", "usernameLower", "passwordHash", "bannedUntil", "updatedAt")
       SELECT 'lbu' || lpad(i::text, 8, '0'), 'lb' || i || '@bench.invalid', 'lbuser' || i, 'lbuser' || i, 'x',
         CASE WHEN i % ${BANNED_EVERY} = 0 THEN now() + interval '30 days' END, now()
       FROM generate_series(1, ${n}) i`,
    ],
    [
      'characters',
      // level: exponential with mean ~9, capped at 50; xp below the next level's need
      `INSERT INTO "Character" ("id", "userId", "name", "nameLower", "origin", "class", "level", "xp",
         "health", "maxHealth", "body", "reflexes", "technical", "intelligence", "cool", "zoneId", "x", "y",
         "deletedAt", "updatedAt", "eddies", "achievementPoints")
       SELECT 'lbc' || lpad(i::text, 8, '0'), 'lbu' || lpad(i::text, 8, '0'), 'Lb' || i, 'lb' || i,
         (${origins})[1 + i % ${ORIGIN_IDS.length}], (${classes})[1 + floor(random() * ${CLASS_IDS.length})::int],
         least(50, 1 + floor(-ln(1 - random()) * 8)::int), floor(random() * 200000)::int,
         100, 100, 5, 5, 5, 5, 5, 'watson', 256, 256,
         CASE WHEN i % ${DELETED_EVERY} = 0 THEN now() - interval '1 day' END, now(),
         CASE WHEN random() < 0.08 THEN 0 ELSE floor(exp(random() * 14))::int END,
         CASE WHEN random() < 0.4 THEN 0 ELSE 5 * floor(random() * random() * 300)::int END
       FROM generate_series(1, ${n}) i`,
    ],
    [
      'guilds',
      `INSERT INTO "Guild" ("id", "name", "nameLower", "tag")
       SELECT 'lbg' || lpad(g::text, 6, '0'), 'Bench Crew ' || g, 'bench crew ' || g, 'B' || chr(65 + g / 17576 % 26) || chr(65 + g / 676 % 26) || chr(65 + g / 26 % 26) || chr(65 + g % 26)
       FROM generate_series(1, ${plan.guilds}) g`,
    ],
    [
      'guild ranks',
      `INSERT INTO "GuildRank" ("id", "guildId", "position", "name")
       SELECT 'lbr' || lpad(g::text, 6, '0'), 'lbg' || lpad(g::text, 6, '0'), 0, 'Member'
       FROM generate_series(1, ${plan.guilds}) g`,
    ],
    [
      'guild members',
      `INSERT INTO "GuildMember" ("characterId", "guildId", "rankId")
       SELECT 'lbc' || lpad(i::text, 8, '0'), 'lbg' || lpad((1 + (i / 20) % ${plan.guilds})::text, 6, '0'),
         'lbr' || lpad((1 + (i / 20) % ${plan.guilds})::text, 6, '0')
       FROM generate_series(20, ${n}, 20) i`,
    ],
    [
      'achievements',
      `INSERT INTO "CharacterAchievement" ("characterId", "achievementId", "progress", "completedAt")
       SELECT 'lbc' || lpad(i::text, 8, '0'), (${achievements})[1 + (i / ${PROFILED_EVERY} + k) % 12], 1,
         now() - k * interval '1 day'
       FROM generate_series(${PROFILED_EVERY}, ${n}, ${PROFILED_EVERY}) i, generate_series(0, 4) k`,
    ],
  ];
  await db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe('SELECT setseed(0.14)::text AS "s"');
      for (const [what, sql] of steps) {
        const t0 = performance.now();
        const rows = await tx.$executeRawUnsafe(sql);
        log(`  ${what}: ${rows.toLocaleString('en-US')} rows in ${s(t0)} s`);
      }
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  const t0 = performance.now();
  await db.$executeRawUnsafe('ANALYZE');
  log(`  ANALYZE in ${s(t0)} s`);
}

const s = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

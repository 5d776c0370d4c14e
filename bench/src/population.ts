/**
 * The bench's players: N accounts with one character each, classes and origins
 * spread evenly, every character placed in the NPC spawn areas of Watson so the
 * bots find something to fight. Characters go through the domain (createCharacter:
 * real starting attributes and health); accounts through the db test factory (no
 * argon2 hash per bot: bots never log in to the web app, they get sim tickets).
 */
import { randomUUID } from 'node:crypto';
import type { Db, Prisma } from '@necp/db';
import { createTestUser } from '@necp/db/testing';
import {
  CLASS_IDS,
  ORIGIN_IDS,
  npcTemplateById,
  zoneById,
  type ClassId,
  type Vec2,
  type ZoneContent,
} from '@necp/shared';
import { createCharacter, createLog, seededRng, systemClock, type GameDeps } from '@necp/game';
import { freePoints, insideObstacle } from './move-workload';

export const BENCH_ZONE_ID = 'watson';

export interface BotIdentity {
  index: number;
  userId: string;
  characterId: string;
  classId: ClassId;
  /** where the bot starts and wanders (metres) */
  home: Vec2;
}

/** An area bots gather in: a spawn area of normal-rank NPCs, or the player start without NPC content. */
export interface Hangout {
  x: number;
  y: number;
  radius: number;
}

export function hangouts(zone: ZoneContent): Hangout[] {
  const npcAreas = zone.npcSpawns
    .filter((s) => npcTemplateById(s.templateId)?.rank === 'normal')
    .map((s) => ({ x: s.x, y: s.y, radius: Math.max(s.radius, 8) }));
  if (npcAreas.length > 0) return npcAreas;
  const start = zone.spawnPoints.find((s) => s.kind === 'player_start') ?? zone.spawnPoints[0];
  return [{ x: start?.x ?? zone.width / 2, y: start?.y ?? zone.height / 2, radius: 60 }];
}

/** A random free point within `area` (deterministic for a seed). */
export function pointIn(zone: ZoneContent, area: Hangout, random: () => number): Vec2 {
  for (let attempt = 0; attempt < 50; attempt++) {
    const a = random() * Math.PI * 2;
    const r = Math.sqrt(random()) * area.radius;
    const p = {
      x: Math.min(Math.max(area.x + Math.cos(a) * r, 1), zone.width - 1),
      y: Math.min(Math.max(area.y + Math.sin(a) * r, 1), zone.height - 1),
    };
    if (!insideObstacle(zone, p)) return p;
  }
  return { x: area.x, y: area.y };
}

/** `n` random free points anywhere in `zone` (idle players spread over the whole city). */
export function zoneHomes(zone: ZoneContent, n: number, random: () => number): Vec2[] {
  return freePoints(zone, { x: 1, y: 1, w: zone.width - 2, h: zone.height - 2 }, n, random);
}

export function benchZone(): ZoneContent {
  const zone = zoneById(BENCH_ZONE_ID);
  if (!zone) throw new Error(`zone ${BENCH_ZONE_ID} missing from content`);
  return zone;
}

/** Runs `fn` over 0..n-1 with at most `width` calls in flight. */
async function pool<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array<T>(n);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) out[i] = await fn(i);
  };
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker));
  return out;
}

/** Creates `n` bots' accounts and characters in `db` (a fresh bench database). */
export async function createPopulation(
  db: Db,
  n: number,
  opts: {
    simTicketSecret: string;
    seed?: number;
    /** where the characters start (default: round robin over the NPC spawn areas) */
    homes?: (zone: ZoneContent, n: number, random: () => number) => Vec2[];
    /**
     * Create one real character per class × origin, then the rest as copies of those
     * rows (character and starter items, no ledger entries): 10,000 characters through
     * createCharacter take many minutes on a busy machine. For workloads that never
     * trade or fight (move, idle).
     */
    clone?: boolean;
  },
): Promise<BotIdentity[]> {
  const zone = benchZone();
  const areas = hangouts(zone);
  const rng = seededRng(opts.seed ?? 4);
  const deps: GameDeps = {
    db,
    clock: systemClock,
    rng,
    log: createLog('bench', 'warn'),
    config: { simTicketSecret: opts.simTicketSecret, simPublicUrl: 'http://127.0.0.1' },
  };
  const homes = opts.homes
    ? opts.homes(zone, n, rng.float)
    : Array.from({ length: n }, (_, i) =>
        pointIn(zone, areas[i % areas.length] ?? areas[0]!, rng.float),
      );
  const real = opts.clone ? Math.min(n, CLASS_IDS.length * ORIGIN_IDS.length) : n;
  const made = await pool(real, 8, async (index) => {
    const classId = CLASS_IDS[index % CLASS_IDS.length]!;
    const origin = ORIGIN_IDS[Math.floor(index / CLASS_IDS.length) % ORIGIN_IDS.length]!;
    const user = await createTestUser(db, { username: `bench${index}` });
    const character = await createCharacter(deps, {
      userId: user.id,
      name: `Bench${index.toString(36).padStart(4, '0')}`,
      origin,
      class: classId,
    });
    const home = homes[index]!;
    await db.character.update({ where: { id: character.id }, data: { x: home.x, y: home.y } });
    return { index, userId: user.id, characterId: character.id, classId, home };
  });
  const copies = n - real;
  for (let from = 0; from < copies; from += COPY_BATCH)
    made.push(
      ...(await copyBatch(db, made, real + from, Math.min(COPY_BATCH, copies - from), homes)),
    );
  return made;
}

const COPY_BATCH = 1_000;

/** Bots `first`..`first + count - 1` as copies of the real ones (index mod their number). */
async function copyBatch(
  db: Db,
  real: readonly BotIdentity[],
  first: number,
  count: number,
  homes: readonly Vec2[],
): Promise<BotIdentity[]> {
  const sources = await db.character.findMany({
    where: { id: { in: real.map((r) => r.characterId) } },
    include: { items: true },
  });
  const byId = new Map(sources.map((c) => [c.id, c]));
  const out: BotIdentity[] = [];
  const users: Prisma.UserCreateManyInput[] = [];
  const characters: Prisma.CharacterCreateManyInput[] = [];
  const items: Prisma.ItemCreateManyInput[] = [];
  for (let index = first; index < first + count; index++) {
    const model = real[index % real.length]!;
    const src = byId.get(model.characterId);
    if (!src) throw new Error(`bench character ${model.characterId} vanished`);
    const userId = randomUUID();
    const characterId = randomUUID();
    const username = `bench${index}`;
    const name = `Bench${index.toString(36).padStart(4, '0')}`;
    const home = homes[index]!;
    // bots never log in to the web: no valid password hash (as createTestUser)
    users.push({
      id: userId,
      email: `${username}@test.necp`,
      username,
      usernameLower: username,
      passwordHash: 'x',
    });
    const { id: _id, items: srcItems, createdAt: _c, updatedAt: _u, ...row } = src;
    characters.push({
      ...row,
      id: characterId,
      userId,
      name,
      nameLower: name.toLowerCase(),
      x: home.x,
      y: home.y,
    });
    for (const { id: _i, createdAt: _ic, updatedAt: _iu, ...item } of srcItems)
      items.push({
        ...item,
        characterId,
        boundCharacterId: item.boundCharacterId ? characterId : null,
      });
    out.push({ index, userId, characterId, classId: model.classId, home });
  }
  await db.$transaction([
    db.user.createMany({ data: users }),
    db.character.createMany({ data: characters }),
    db.item.createMany({ data: items }),
  ]);
  return out;
}

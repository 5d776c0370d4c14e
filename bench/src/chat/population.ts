/**
 * The chat bench's players: the bench population (copies of real characters, spread
 * over all of Watson), the second half moved to Westbrook when the run has two
 * districts, their names (whispers go by name) and a few blocks (/ignore rows, which
 * the sim reads when each blocker joins the chat).
 */
import type { Db } from '@necp/db';
import { seededRng } from '@necp/game';
import { zoneById } from '@necp/shared';
import { BENCH_ZONE_ID, createPopulation, zoneHomes } from '../population';
import type { FleetBot } from './fleet';

/** district i of a run: Watson, then Westbrook */
export const CHAT_ZONES = [BENCH_ZONE_ID, 'westbrook'] as const;

export interface ChatPopulation {
  /** by index; `sim` is set by the caller (which process runs the bot's district) */
  bots: (Omit<FleetBot, 'sim'> & { zone: number })[];
  names: string[];
  /** [blocker, blocked] bot indices */
  blocks: [number, number][];
}

/** Bot i lives in district i mod `districts`. */
export const districtOf = (index: number, districts: number) => index % districts;

export async function createChatPopulation(
  db: Db,
  n: number,
  opts: { secret: string; seed: number; districts: number; blocks: number },
): Promise<ChatPopulation> {
  const ids = await createPopulation(db, n, {
    simTicketSecret: opts.secret,
    seed: opts.seed,
    clone: true,
    homes: zoneHomes,
  });
  const random = seededRng(opts.seed + 1).float;
  for (let d = 1; d < opts.districts; d++) {
    const zoneId = CHAT_ZONES[d]!;
    const zone = zoneById(zoneId);
    if (!zone) throw new Error(`zone ${zoneId} missing from content`);
    const moved = ids.filter((b) => districtOf(b.index, opts.districts) === d);
    const homes = zoneHomes(zone, moved.length, random);
    moved.forEach((b, i) => (b.home = homes[i]!));
    const cids = moved.map((b) => b.characterId);
    await db.$executeRaw`
      UPDATE "Character" AS c SET "zoneId" = ${zoneId}, x = v.x, y = v.y
      FROM unnest(${cids}::text[], ${homes.map((h) => h.x)}::float8[], ${homes.map((h) => h.y)}::float8[]) AS v(id, x, y)
      WHERE c.id = v.id`;
  }
  const rows = await db.character.findMany({
    where: { id: { in: ids.map((b) => b.characterId) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(rows.map((r) => [r.id, r.name]));
  const names = ids.map((b) => nameOf.get(b.characterId) ?? '');
  const blocks = pickBlocks(n, Math.min(opts.blocks, n * (n - 1)), random);
  if (blocks.length > 0)
    await db.characterBlock.createMany({
      data: blocks.map(([a, b]) => ({
        blockerId: ids[a]!.characterId,
        blockedId: ids[b]!.characterId,
      })),
    });
  return {
    bots: ids.map((b) => ({ ...b, zone: districtOf(b.index, opts.districts) })),
    names,
    blocks,
  };
}

/** `count` distinct [blocker, blocked] pairs of different bots. */
export function pickBlocks(n: number, count: number, random: () => number): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  while (out.length < count) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b || seen.has(a * n + b)) continue;
    seen.add(a * n + b);
    out.push([a, b]);
  }
  return out;
}

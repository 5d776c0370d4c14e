import { z } from 'zod';

export const SpawnPointContentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['player_start', 'medical_center', 'bank_terminal', 'npc_area', 'loot_crate']),
  name: z.string(),
  x: z.number().nonnegative(),
  y: z.number().nonnegative(),
  /** loot_crate only: the loot table (content/loot-tables.ts) an opened crate rolls */
  lootTable: z.string().optional(),
});

/** A street drawn on the map: an axis-aligned rectangle in metres. */
export const StreetSchema = z.object({
  x: z.number(),
  y: z.number(),
  w: z.number().positive(),
  h: z.number().positive(),
  name: z.string().optional(),
});

/** A building or wall: blocks movement and line of sight. Axis-aligned, metres. */
export const ObstacleSchema = z.object({
  x: z.number(),
  y: z.number(),
  w: z.number().positive(),
  h: z.number().positive(),
  name: z.string().optional(),
});
export type Obstacle = z.infer<typeof ObstacleSchema>;

/**
 * Where NPCs of one template live: `count` of them spawn at random points within
 * `radius` of (x, y), patrol inside it, and leash back to their own spawn point.
 */
export const NpcSpawnSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** content/npcs.ts id */
  templateId: z.string(),
  x: z.number().nonnegative(),
  y: z.number().nonnegative(),
  radius: z.number().positive(),
  count: z.int().min(1).max(20),
});
export type NpcSpawn = z.infer<typeof NpcSpawnSchema>;

export const ZoneContentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string(),
    /** metres */
    width: z.int().positive(),
    height: z.int().positive(),
    minLevel: z.int().min(1),
    maxLevel: z.int().max(50),
    /** open-world zones run all the time; instances are created by matchmaking later */
    live: z.boolean(),
    spawnPoints: z.array(SpawnPointContentSchema).min(1),
    streets: z.array(StreetSchema),
    obstacles: z.array(ObstacleSchema).default([]),
    npcSpawns: z.array(NpcSpawnSchema).default([]),
  })
  .refine((z) => z.minLevel <= z.maxLevel, 'minLevel must not exceed maxLevel')
  .refine(
    (z) => z.spawnPoints.every((s) => s.x <= z.width && s.y <= z.height),
    'every spawn point must lie inside the zone',
  )
  .refine(
    (z) => z.spawnPoints.some((s) => s.kind === 'player_start'),
    'a zone needs a player_start',
  )
  .refine(
    (z) => z.spawnPoints.every((s) => (s.kind === 'loot_crate') === (s.lootTable !== undefined)),
    'loot_crate spawn points (and only they) name a lootTable',
  );
export type ZoneContent = z.infer<typeof ZoneContentSchema>;

const grid = (width: number, height: number, every: number, wide: number) => {
  const streets: z.infer<typeof StreetSchema>[] = [];
  for (let x = every; x < width; x += every)
    streets.push({ x: x - wide / 2, y: 0, w: wide, h: height });
  for (let y = every; y < height; y += every)
    streets.push({ x: 0, y: y - wide / 2, w: width, h: wide });
  return streets;
};

export const ZONES: readonly ZoneContent[] = z.array(ZoneContentSchema).parse([
  {
    id: 'watson',
    name: 'Watson',
    width: 512,
    height: 512,
    minLevel: 1,
    maxLevel: 12,
    live: true,
    spawnPoints: [
      { id: 'watson-start', kind: 'player_start', name: 'Kabuki Market', x: 256, y: 256 },
      { id: 'watson-medcenter', kind: 'medical_center', name: 'Trauma Team Clinic', x: 96, y: 96 },
      { id: 'watson-bank', kind: 'bank_terminal', name: 'Kabuki Bank Terminal', x: 280, y: 240 },
      // supply crates sit off the busy start area, in alleys players explore
      {
        id: 'watson-crate-alley',
        kind: 'loot_crate',
        name: 'Dumpster Cache',
        x: 160,
        y: 330,
        lootTable: 'crate_watson_common',
      },
      {
        id: 'watson-crate-docks',
        kind: 'loot_crate',
        name: "Smuggler's Crate",
        x: 420,
        y: 140,
        lootTable: 'crate_watson_common',
      },
      {
        id: 'watson-crate-market',
        kind: 'loot_crate',
        name: 'Abandoned Vendor Stash',
        x: 330,
        y: 440,
        lootTable: 'crate_watson_common',
      },
    ],
    streets: [
      ...grid(512, 512, 64, 10),
      { x: 0, y: 250, w: 512, h: 14, name: 'Kabuki Boulevard' },
      { x: 250, y: 0, w: 14, h: 512, name: 'Little China Ave' },
    ],
  },
  {
    id: 'westbrook',
    name: 'Westbrook',
    width: 768,
    height: 768,
    minLevel: 10,
    maxLevel: 30,
    live: false,
    spawnPoints: [
      { id: 'westbrook-start', kind: 'player_start', name: 'Japantown Gate', x: 384, y: 700 },
    ],
    streets: grid(768, 768, 96, 12),
  },
  {
    id: 'city-center',
    name: 'City Center',
    width: 1024,
    height: 1024,
    minLevel: 25,
    maxLevel: 50,
    live: false,
    spawnPoints: [
      { id: 'city-center-start', kind: 'player_start', name: 'Corpo Plaza', x: 512, y: 512 },
    ],
    streets: grid(1024, 1024, 128, 16),
  },
]);

export const STARTING_ZONE_ID = 'watson';

export function zoneById(id: string): ZoneContent | undefined {
  return ZONES.find((z) => z.id === id);
}

import { z } from 'zod';

export const SpawnPointContentSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum([
    'player_start',
    'medical_center',
    'bank_terminal',
    /** a mailbox: sending and taking mail happen within MAIL_RANGE of one */
    'mail_terminal',
    'npc_area',
    'loot_crate',
    /** rides to the other districts' stations (zone:travel), within INTERACT_RANGE */
    'metro_station',
    /** the auction house (Reef Exchange): listing, bidding and buying within AUCTION_RANGE */
    'auction_terminal',
    /** a workbench: starting a craft happens within CRAFT_RANGE of one (schemas/crafting.ts) */
    'crafting_station',
  ]),
  name: z.string(),
  x: z.number().nonnegative(),
  y: z.number().nonnegative(),
  /** loot_crate only: the loot table (content/loot-tables.ts) an opened crate rolls */
  lootTable: z.string().optional(),
});

export type SpawnPointContent = z.infer<typeof SpawnPointContentSchema>;

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

/**
 * A named place in a zone (a landmark): entering its circle publishes
 * `area.entered` (quest `reach` objectives) and shows the player its name.
 */
export const ZoneAreaSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(2),
  x: z.number().nonnegative(),
  y: z.number().nonnegative(),
  radius: z.number().positive().max(100),
});
export type ZoneArea = z.infer<typeof ZoneAreaSchema>;

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
    areas: z.array(ZoneAreaSchema).default([]),
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

/**
 * A building filling one block of a `grid` (block bx, by counted from the top-left),
 * set back `inset` metres from the streets around it.
 */
const block = (
  every: number,
  wide: number,
  bx: number,
  by: number,
  inset: number,
  name?: string,
): Obstacle => {
  const lo = (i: number) => (i === 0 ? 0 : i * every + wide / 2) + inset;
  const hi = (i: number) => (i + 1) * every - wide / 2 - inset;
  return {
    x: lo(bx),
    y: lo(by),
    w: hi(bx) - lo(bx),
    h: hi(by) - lo(by),
    ...(name ? { name } : {}),
  };
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
      { id: 'watson-metro', kind: 'metro_station', name: 'Kabuki Metro', x: 256, y: 300 },
      { id: 'watson-mail', kind: 'mail_terminal', name: 'Kabuki Mail Terminal', x: 250, y: 230 },
      {
        id: 'watson-auction',
        kind: 'auction_terminal',
        name: 'Kabuki Reef Exchange',
        x: 240,
        y: 268,
      },
      {
        id: 'watson-workbench',
        kind: 'crafting_station',
        name: 'Kabuki Workbench',
        x: 251,
        y: 275,
      },
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
      {
        // holds quest evidence only while q_bitw_warehouse / q_lost_shipment is active
        id: 'watson-crate-container',
        kind: 'loot_crate',
        name: 'Maelstrom-held Container',
        x: 440,
        y: 186,
        lootTable: 'crate_bitw_container',
      },
    ],
    streets: [
      ...grid(512, 512, 64, 10),
      { x: 0, y: 250, w: 512, h: 14, name: 'Kabuki Boulevard' },
      { x: 250, y: 0, w: 14, h: 512, name: 'Little China Ave' },
    ],
    // Blocks between streets (x or y): 0–59, 69–123, 133–187, 197–250, 264–315,
    // 325–379, 389–443, 453–512. About a third hold a building; the rest are open
    // lots where NPCs live and players cross. No building touches a street, covers a
    // spawn point or overlaps an NPC area (checkContent verifies).
    obstacles: [
      { x: 205, y: 205, w: 38, h: 38, name: 'Kabuki Market Hall' },
      { x: 204, y: 272, w: 38, h: 34, name: "Lizzie's Bar" },
      { x: 288, y: 204, w: 22, h: 30, name: 'Kabuki Savings & Loan' },
      { x: 74, y: 74, w: 44, h: 16, name: 'Trauma Team Clinic' },
      { x: 8, y: 8, w: 44, h: 44, name: 'Cold Storage' },
      { x: 140, y: 76, w: 40, h: 40, name: 'Megabuilding H10' },
      { x: 272, y: 76, w: 36, h: 40, name: 'Jig-Jig Street Arcade' },
      { x: 332, y: 76, w: 40, h: 40, name: 'Arasaka Waterfront Office' },
      { x: 460, y: 76, w: 44, h: 40, name: 'All Foods Plant' },
      { x: 396, y: 152, w: 40, h: 28, name: 'Dock Warehouse' },
      { x: 8, y: 204, w: 44, h: 40, name: 'Pawn Shop' },
      { x: 332, y: 204, w: 40, h: 40, name: 'Pachinko Parlor' },
      { x: 460, y: 204, w: 44, h: 40, name: 'Pier Offices' },
      { x: 76, y: 272, w: 40, h: 36, name: 'Noodle Row' },
      { x: 396, y: 272, w: 40, h: 36, name: "Viktor's Clinic" },
      { x: 204, y: 396, w: 38, h: 40, name: 'Tom’s Diner Block' },
      { x: 272, y: 396, w: 36, h: 40, name: 'Capsule Hotel' },
      { x: 396, y: 396, w: 40, h: 40, name: 'Parking Structure' },
      { x: 140, y: 460, w: 40, h: 44, name: 'Northside Tenements' },
      { x: 396, y: 460, w: 40, h: 44, name: 'Abandoned Substation' },
    ],
    npcSpawns: [
      // the plaza just south-east of Kabuki Market: the first fight, in sight of the
      // start but outside aggro range of a player who just arrived
      {
        id: 'watson-punks-plaza',
        templateId: 'tyger_claws_punk',
        x: 286,
        y: 282,
        // spread wider than the assist radius: a newcomer can pull one punk, not the gang
        radius: 12,
        count: 4,
      },
      {
        id: 'watson-punks-west',
        templateId: 'tyger_claws_punk',
        x: 160,
        y: 210,
        radius: 10,
        count: 5,
      },
      {
        id: 'watson-drones',
        templateId: 'security_drone_mk1',
        x: 224,
        y: 160,
        radius: 10,
        count: 4,
      },
      {
        id: 'watson-scavengers-alley',
        templateId: 'watson_scavenger',
        x: 150,
        y: 352,
        radius: 10,
        count: 5,
      },
      {
        id: 'watson-scavengers-south',
        templateId: 'watson_scavenger',
        x: 96,
        y: 416,
        radius: 10,
        count: 4,
      },
      {
        id: 'watson-gangers-docks',
        templateId: 'maelstrom_ganger',
        x: 416,
        y: 100,
        radius: 12,
        count: 5,
      },
      {
        id: 'watson-gangers-market',
        templateId: 'maelstrom_ganger',
        x: 352,
        y: 352,
        radius: 10,
        count: 5,
      },
      // far corners: the elites guard the All Foods approach, the boss waits alone
      {
        id: 'watson-enforcers',
        templateId: 'maelstrom_enforcer',
        x: 482,
        y: 30,
        radius: 6,
        count: 2,
      },
      { id: 'watson-boss', templateId: 'cyberpsycho_kabuki', x: 484, y: 484, radius: 6, count: 1 },
    ],
    areas: [
      { id: 'kabuki_market', name: 'Kabuki Market', x: 256, y: 256, radius: 18 },
      // between the start and the plaza punks, out of their aggro range (q_welcome's first step)
      { id: 'plaza_edge', name: 'Plaza Edge', x: 260, y: 274, radius: 4 },
      { id: 'watson_docks', name: 'Watson Docks', x: 416, y: 150, radius: 22 },
      { id: 'jig_jig_street', name: 'Jig-Jig Street', x: 290, y: 128, radius: 16 },
      { id: 'northside', name: 'Northside', x: 160, y: 440, radius: 24 },
      // south-east corner: Razorback's nest (q_razorback)
      { id: 'razorback_lair', name: 'Substation Yard', x: 466, y: 466, radius: 18 },
    ],
  },
  {
    id: 'westbrook',
    name: 'Westbrook',
    width: 768,
    height: 768,
    minLevel: 10,
    maxLevel: 30,
    live: true,
    spawnPoints: [
      { id: 'westbrook-start', kind: 'player_start', name: 'Japantown Gate', x: 384, y: 700 },
      { id: 'westbrook-metro', kind: 'metro_station', name: 'Japantown Metro', x: 384, y: 672 },
      {
        id: 'westbrook-mail',
        kind: 'mail_terminal',
        name: 'Japantown Mail Terminal',
        x: 416,
        y: 700,
      },
      {
        id: 'westbrook-auction',
        kind: 'auction_terminal',
        name: 'Japantown Reef Exchange',
        x: 440,
        y: 690,
      },
      {
        id: 'westbrook-workbench',
        kind: 'crafting_station',
        name: 'Japantown Workbench',
        x: 440,
        y: 672,
      },
      {
        // Wakako's spare tracer beacons: only while q_bitw_finale is active (a failed run retries)
        id: 'westbrook-crate-locker',
        kind: 'loot_crate',
        name: "Wakako's Supply Locker",
        x: 424,
        y: 640,
        lootTable: 'crate_bitw_locker',
      },
      {
        id: 'westbrook-medcenter',
        kind: 'medical_center',
        name: 'Charter Hill Clinic',
        x: 288,
        y: 672,
      },
    ],
    streets: grid(768, 768, 96, 12),
    obstacles: (
      [
        [1, 0],
        [3, 0],
        [5, 0],
        [7, 1],
        [1, 2],
        [3, 2],
        [5, 2],
        [0, 4],
        [2, 4],
        [4, 4],
        [6, 4],
        [1, 6],
        [3, 7],
        [5, 7],
        [7, 6],
      ] as const
    ).map(([bx, by]) => block(96, 12, bx, by, 8)),
    npcSpawns: [
      {
        id: 'westbrook-enforcers',
        templateId: 'maelstrom_enforcer',
        x: 240,
        y: 624,
        radius: 10,
        count: 2,
      },
      {
        id: 'westbrook-swordsmen',
        templateId: 'tyger_claws_swordsman',
        x: 336,
        y: 528,
        radius: 12,
        count: 5,
      },
      {
        id: 'westbrook-netrunners',
        templateId: 'tyger_claws_netrunner',
        x: 528,
        y: 528,
        radius: 12,
        count: 4,
      },
      {
        id: 'westbrook-recon',
        templateId: 'militech_recon_drone',
        x: 240,
        y: 336,
        radius: 14,
        count: 4,
      },
      {
        id: 'westbrook-bruisers',
        templateId: 'animals_bruiser',
        x: 624,
        y: 240,
        radius: 12,
        count: 5,
      },
      { id: 'westbrook-royce', templateId: 'royce', x: 45, y: 45, radius: 8, count: 1 },
    ],
    areas: [
      { id: 'japantown_gate', name: 'Japantown Gate', x: 384, y: 688, radius: 18 },
      // Royce holds the north-west lot; the yard's near edge is just outside his reach
      { id: 'royce_yard', name: "Royce's Yard", x: 74, y: 74, radius: 22 },
      { id: 'westbrook_rail_yard', name: 'Westbrook Rail Yard', x: 528, y: 336, radius: 20 },
      { id: 'militech_checkpoint', name: 'Militech Checkpoint', x: 240, y: 336, radius: 24 },
    ],
  },
  {
    id: 'city-center',
    name: 'City Center',
    width: 1024,
    height: 1024,
    minLevel: 25,
    maxLevel: 50,
    live: true,
    spawnPoints: [
      { id: 'city-center-start', kind: 'player_start', name: 'Corpo Plaza', x: 512, y: 512 },
      { id: 'city-center-metro', kind: 'metro_station', name: 'Corpo Plaza Metro', x: 512, y: 560 },
      {
        id: 'city-center-mail',
        kind: 'mail_terminal',
        name: 'Corpo Plaza Mail Terminal',
        x: 544,
        y: 512,
      },
      {
        id: 'city-center-auction',
        kind: 'auction_terminal',
        name: 'Corpo Plaza Reef Exchange',
        x: 576,
        y: 500,
      },
      {
        id: 'city-center-workbench',
        kind: 'crafting_station',
        name: 'Corpo Plaza Workbench',
        x: 576,
        y: 518,
      },
      {
        id: 'city-center-medcenter',
        kind: 'medical_center',
        name: 'Trauma Team HQ',
        x: 384,
        y: 512,
      },
      {
        // yields ICE samples only while q_cc_ice_harvest is active
        id: 'city-center-crate-relay',
        kind: 'loot_crate',
        name: 'Arasaka Relay Cabinet',
        x: 800,
        y: 660,
        lootTable: 'crate_cc_relay',
      },
    ],
    streets: grid(1024, 1024, 128, 16),
    obstacles: (
      [
        [1, 0],
        [5, 0],
        [3, 1],
        [6, 2],
        [0, 3],
        [3, 3],
        [5, 3],
        [1, 4],
        [4, 4],
        [0, 6],
        [2, 6],
        [4, 6],
        [6, 7],
      ] as const
    ).map(([bx, by]) => block(128, 16, bx, by, 12)),
    npcSpawns: [
      {
        id: 'city-center-bruisers',
        templateId: 'animals_bruiser',
        x: 320,
        y: 704,
        radius: 14,
        count: 5,
      },
      {
        id: 'city-center-guards',
        templateId: 'arasaka_guard',
        x: 704,
        y: 320,
        radius: 14,
        count: 5,
      },
      {
        id: 'city-center-drones',
        templateId: 'arasaka_combat_drone',
        x: 832,
        y: 704,
        radius: 14,
        count: 4,
      },
      {
        id: 'city-center-voodoo',
        templateId: 'voodoo_netrunner',
        x: 192,
        y: 320,
        radius: 14,
        count: 4,
      },
      {
        id: 'city-center-counterintel',
        templateId: 'arasaka_counterintel',
        x: 960,
        y: 64,
        radius: 10,
        count: 2,
      },
      {
        id: 'city-center-blackwall',
        templateId: 'cyberpsycho_blackwall',
        x: 960,
        y: 960,
        radius: 10,
        count: 1,
      },
    ],
    areas: [
      { id: 'corpo_plaza', name: 'Corpo Plaza', x: 512, y: 512, radius: 20 },
      { id: 'arasaka_tower', name: 'Arasaka Tower Gate', x: 768, y: 384, radius: 20 },
      { id: 'the_afterlife', name: 'The Afterlife', x: 640, y: 704, radius: 18 },
      { id: 'blackwall_gate', name: 'Blackwall Gate', x: 920, y: 920, radius: 24 },
    ],
  },
]);

export const STARTING_ZONE_ID = 'watson';

export function zoneById(id: string): ZoneContent | undefined {
  return ZONES.find((z) => z.id === id);
}

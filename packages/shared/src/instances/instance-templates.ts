/**
 * The maps matchmaking opens as instances: a zone of its own per match, run by one
 * sim process while the match lasts (docs/instances.md). They are never live: no
 * process runs one until a match creates it, with an id naming the template and
 * the match (instanceZoneId).
 */
import { z } from 'zod';
import { ZoneContentSchema, type ZoneContent } from '../content/zones';
import type { MatchKind } from '../matchmaking/queue-rules';

export const InstanceTemplateSchema = z
  .object({
    kind: z.enum(['arena', 'dungeon', 'raid']),
    content: ZoneContentSchema,
    /** where each team appears, team by team (a dungeon or raid has one team) */
    teamSpawns: z.array(z.array(z.object({ x: z.number(), y: z.number() })).min(1)).min(1),
    /** a dungeon's or raid's boss: the npcSpawns id whose death clears it (InstanceClearRules) */
    bossSpawnId: z.string().optional(),
  })
  .superRefine((t, ctx) => {
    // a dungeon or raid is cleared by its boss: it names one NPC of the map's own spawns
    const boss = t.content.npcSpawns.find((s) => s.id === t.bossSpawnId);
    if (t.kind !== 'arena' && boss?.count !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `${t.content.id}: bossSpawnId must name a spawn of one NPC`,
      });
  });
export type InstanceTemplate = z.infer<typeof InstanceTemplateSchema>;

/** A small walled pit: two gates facing each other, pillars to break line of sight. */
const neonPit: ZoneContent = {
  id: 'arena-neon-pit',
  name: 'Neon Pit Arena',
  width: 64,
  height: 40,
  minLevel: 1,
  maxLevel: 50,
  live: false,
  spawnPoints: [
    { id: 'gate-west', kind: 'player_start', name: 'West Gate', x: 8, y: 20 },
    { id: 'gate-east', kind: 'player_start', name: 'East Gate', x: 56, y: 20 },
  ],
  streets: [{ x: 2, y: 2, w: 60, h: 36, name: 'Pit floor' }],
  obstacles: [
    { x: 22, y: 9, w: 4, h: 4, name: 'Pillar' },
    { x: 38, y: 27, w: 4, h: 4, name: 'Pillar' },
    { x: 30, y: 17, w: 4, h: 6, name: 'Holo-column' },
  ],
  npcSpawns: [],
  areas: [],
};

/**
 * The raid: a flooded research station on the reef off Pacifica. One group of 10
 * arrives at the dock (west) and fights across three decks — Arasaka guards in the
 * pressure corridor, Voodoo Boys netrunners on the pump deck north and south, combat
 * drones at the second bulkhead's doorways — to the core chamber (east), where the
 * boss waits before the core (`reef-core-boss`: Quantum Leviathan NX-0, the
 * three-phase boss of content/npcs.ts). Walls leave 4 m doorways; every pack stands
 * out of aggro range (and sight) of the dock.
 */
const quantumReef: ZoneContent = {
  id: 'raid-quantum-reef',
  name: 'Quantum Reef Siege',
  width: 120,
  height: 80,
  minLevel: 34,
  maxLevel: 50,
  live: false,
  spawnPoints: [{ id: 'dock', kind: 'player_start', name: 'Reef Dock', x: 10, y: 40 }],
  streets: [
    { x: 2, y: 30, w: 24, h: 20, name: 'Reef Dock' },
    { x: 26, y: 36, w: 70, h: 8, name: 'Pressure Corridor' },
    { x: 96, y: 20, w: 22, h: 40, name: 'Quantum Core' },
  ],
  obstacles: [
    // the dock's bulkhead, a doorway at y 38–42
    { x: 30, y: 4, w: 2, h: 34, name: 'Bulkhead' },
    { x: 30, y: 42, w: 2, h: 34, name: 'Bulkhead' },
    // the pump deck: tanks and coral growth to break line of sight
    { x: 42, y: 14, w: 6, h: 6, name: 'Ballast tank' },
    { x: 42, y: 60, w: 6, h: 6, name: 'Ballast tank' },
    { x: 56, y: 24, w: 4, h: 8, name: 'Coral growth' },
    { x: 56, y: 48, w: 4, h: 8, name: 'Coral growth' },
    // the second bulkhead, doorways at y 18–22 and 58–62
    { x: 70, y: 4, w: 2, h: 14 },
    { x: 70, y: 22, w: 2, h: 36, name: 'Bulkhead' },
    { x: 70, y: 62, w: 2, h: 14 },
    // the core chamber: four coolant pylons around the core
    { x: 84, y: 28, w: 3, h: 3, name: 'Coolant pylon' },
    { x: 84, y: 49, w: 3, h: 3, name: 'Coolant pylon' },
    { x: 104, y: 36, w: 8, h: 8, name: 'Quantum core' },
  ],
  npcSpawns: [
    { id: 'reef-corridor', templateId: 'arasaka_guard', x: 50, y: 40, radius: 3, count: 4 },
    { id: 'reef-pump-north', templateId: 'voodoo_netrunner', x: 52, y: 12, radius: 3, count: 3 },
    { id: 'reef-pump-south', templateId: 'voodoo_netrunner', x: 52, y: 68, radius: 3, count: 3 },
    {
      id: 'reef-door-north',
      templateId: 'arasaka_combat_drone',
      x: 80,
      y: 16,
      radius: 3,
      count: 2,
    },
    {
      id: 'reef-door-south',
      templateId: 'arasaka_combat_drone',
      x: 80,
      y: 64,
      radius: 3,
      count: 2,
    },
    // the boss, before the core (InstanceClearRules watches this spawn)
    { id: 'reef-core-boss', templateId: 'quantum_leviathan', x: 96, y: 40, radius: 1, count: 1 },
  ],
  areas: [],
};

/**
 * The dungeon: a vault under Arasaka's City Center tower. One group of up to 5
 * enters in the west and fights through a server hall (two packs) and the cooling
 * gallery (a third) to the vault in the east, where the boss waits (`vault-boss`:
 * Reef Warden TDX-9, the two-phase telegraphing boss of content/npcs.ts). Walls leave
 * 8 m doorways.
 */
const arasakaVault: ZoneContent = {
  id: 'dungeon-arasaka-vault',
  name: 'Arasaka Data Vault',
  width: 96,
  height: 64,
  minLevel: 14,
  maxLevel: 30,
  live: false,
  spawnPoints: [
    { id: 'vault-entrance', kind: 'player_start', name: 'Service Entrance', x: 8, y: 32 },
  ],
  streets: [
    { x: 2, y: 20, w: 18, h: 24, name: 'Service Entrance' },
    { x: 24, y: 2, w: 30, h: 60, name: 'Server Hall' },
    { x: 58, y: 20, w: 12, h: 24, name: 'Cooling Gallery' },
    { x: 74, y: 8, w: 20, h: 48, name: 'The Vault' },
  ],
  obstacles: [
    // the entrance's blast door, open at y 28–36
    { x: 20, y: 0, w: 2, h: 28, name: 'Blast door' },
    { x: 20, y: 36, w: 2, h: 28, name: 'Blast door' },
    // server racks in the hall: cover between its two packs
    { x: 30, y: 24, w: 8, h: 3, name: 'Server rack' },
    { x: 30, y: 37, w: 8, h: 3, name: 'Server rack' },
    { x: 44, y: 24, w: 8, h: 3, name: 'Server rack' },
    { x: 44, y: 37, w: 8, h: 3, name: 'Server rack' },
    // the hall's east wall, open at y 28–36
    { x: 56, y: 0, w: 2, h: 28 },
    { x: 56, y: 36, w: 2, h: 28 },
    // the gallery's coolant pipes along its walls
    { x: 60, y: 18, w: 8, h: 2, name: 'Coolant pipes' },
    { x: 60, y: 44, w: 8, h: 2, name: 'Coolant pipes' },
    // the vault door, open at y 28–36
    { x: 72, y: 0, w: 2, h: 28, name: 'Vault door' },
    { x: 72, y: 36, w: 2, h: 28, name: 'Vault door' },
    // two data pillars in the vault
    { x: 80, y: 18, w: 3, h: 3, name: 'Data pillar' },
    { x: 80, y: 43, w: 3, h: 3, name: 'Data pillar' },
  ],
  npcSpawns: [
    {
      id: 'vault-hall-north',
      templateId: 'tyger_claws_swordsman',
      x: 38,
      y: 12,
      radius: 4,
      count: 3,
    },
    {
      id: 'vault-hall-south',
      templateId: 'tyger_claws_netrunner',
      x: 38,
      y: 52,
      radius: 4,
      count: 2,
    },
    { id: 'vault-gallery', templateId: 'militech_recon_drone', x: 64, y: 32, radius: 3, count: 2 },
    // the boss (InstanceClearRules watches this spawn)
    { id: 'vault-boss', templateId: 'reef_warden', x: 86, y: 32, radius: 1, count: 1 },
  ],
  areas: [],
};

export const INSTANCE_TEMPLATES: readonly InstanceTemplate[] = z
  .array(InstanceTemplateSchema)
  .parse([
    {
      kind: 'arena',
      content: neonPit,
      teamSpawns: [
        [
          { x: 8, y: 20 },
          { x: 8, y: 14 },
          { x: 8, y: 26 },
        ],
        [
          { x: 56, y: 20 },
          { x: 56, y: 26 },
          { x: 56, y: 14 },
        ],
      ],
    },
    {
      kind: 'dungeon',
      content: arasakaVault,
      bossSpawnId: 'vault-boss',
      // one group: five places inside the entrance
      teamSpawns: [
        [
          { x: 8, y: 32 },
          { x: 8, y: 27 },
          { x: 8, y: 37 },
          { x: 13, y: 29 },
          { x: 13, y: 35 },
        ],
      ],
    },
    {
      kind: 'raid',
      content: quantumReef,
      bossSpawnId: 'reef-core-boss',
      // one group: ten places on the dock, two rows of five
      teamSpawns: [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({
          x: 8 + 4 * (i % 2),
          y: 32 + 4 * Math.floor(i / 2),
        })),
      ],
    },
  ]);

/** Which template a match of this kind opens. */
export function templateForMatch(kind: MatchKind): InstanceTemplate | undefined {
  return INSTANCE_TEMPLATES.find((t) => t.kind === kind);
}

export function instanceTemplateById(id: string): InstanceTemplate | undefined {
  return INSTANCE_TEMPLATES.find((t) => t.content.id === id);
}

/** `--` never occurs in a template id, so the zone id splits back into template and match. */
const SEP = '--';

/** The zone id of the instance of `matchId` on `templateId` (a valid zone id: a UUID is [0-9a-f-]). */
export const instanceZoneId = (templateId: string, matchId: string): string =>
  `${templateId}${SEP}${matchId}`;

/** The template and match of an instance zone id; undefined for an open-world zone. */
export function parseInstanceZoneId(
  zoneId: string,
): { template: InstanceTemplate; matchId: string } | undefined {
  const at = zoneId.indexOf(SEP);
  if (at <= 0) return undefined;
  const template = instanceTemplateById(zoneId.slice(0, at));
  const matchId = zoneId.slice(at + SEP.length);
  return template && matchId ? { template, matchId } : undefined;
}

/** The content an instance zone runs: its template's, under the instance's own id. */
export function instanceContent(template: InstanceTemplate, matchId: string): ZoneContent {
  return { ...template.content, id: instanceZoneId(template.content.id, matchId) };
}

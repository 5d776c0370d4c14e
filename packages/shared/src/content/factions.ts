/**
 * Factions of Night City. Every NPC template's `faction` (content/npcs.ts) has an
 * entry here, so reputation can be read for anything a player fights or talks to.
 * Standings and tiers: rules/reputation.ts.
 */
import { z } from 'zod';

const FactionIdSchema = z.string().regex(/^[a-z0-9_]+$/);

export const FactionRivalSchema = z.object({
  factionId: FactionIdSchema,
  /** a gain of G with this faction costs G × factor with the rival */
  factor: z.number().gt(0).max(1),
});
export type FactionRival = z.infer<typeof FactionRivalSchema>;

export const FactionSchema = z
  .object({
    id: FactionIdSchema,
    name: z.string().min(2),
    blurb: z.string().min(10),
    /** standing a character has before ever touching this faction */
    startingStanding: z.int().min(-42_000).max(42_000),
    /** players may formally join (faction quests, uniforms, vendor access) */
    joinable: z.boolean(),
    /** false: positive reputation changes are ignored (beasts, cyberpsychos) */
    playerCanImprove: z.boolean(),
    rivals: z.array(FactionRivalSchema),
  })
  .refine((f) => f.playerCanImprove || !f.joinable, {
    message: 'a joinable faction must be improvable',
  })
  .refine((f) => f.rivals.every((r) => r.factionId !== f.id), {
    message: 'a faction cannot be its own rival',
  });
export type Faction = z.infer<typeof FactionSchema>;

export const FACTION_INPUTS: readonly Faction[] = [
  {
    id: 'city_security',
    name: 'NCPD',
    blurb: 'Night City Police Department. Underfunded, overworked, and for hire on the side.',
    startingStanding: 0,
    joinable: true,
    playerCanImprove: true,
    rivals: [
      { factionId: 'tyger_claws', factor: 0.25 },
      { factionId: 'maelstrom', factor: 0.25 },
      { factionId: 'voodoo_boys', factor: 0.25 },
    ],
  },
  {
    id: 'fixers',
    name: 'Fixer Network',
    blurb: 'The brokers who hand out gigs across Night City. Reliable work builds a name.',
    startingStanding: 0,
    joinable: true,
    playerCanImprove: true,
    rivals: [],
  },
  {
    id: 'aldecaldos',
    name: 'Aldecaldos',
    blurb: 'A nomad clan from the Badlands: family first, corps never.',
    startingStanding: 0,
    joinable: true,
    playerCanImprove: true,
    rivals: [
      { factionId: 'arasaka', factor: 0.5 },
      { factionId: 'militech', factor: 0.5 },
    ],
  },
  {
    id: 'arasaka',
    name: 'Arasaka',
    blurb: 'Security, banking, and the tower that looms over City Center.',
    startingStanding: -500,
    joinable: true,
    playerCanImprove: true,
    rivals: [
      { factionId: 'militech', factor: 0.5 },
      { factionId: 'aldecaldos', factor: 0.25 },
    ],
  },
  {
    id: 'militech',
    name: 'Militech',
    blurb: 'The arms giant that equips half the world and fights the other half.',
    startingStanding: -500,
    joinable: true,
    playerCanImprove: true,
    rivals: [
      { factionId: 'arasaka', factor: 0.5 },
      { factionId: 'aldecaldos', factor: 0.25 },
    ],
  },
  {
    id: 'tyger_claws',
    name: 'Tyger Claws',
    blurb: 'Japantown gang of bikers and blades who run protection rackets in Watson.',
    startingStanding: -1_000,
    joinable: false,
    playerCanImprove: true,
    rivals: [
      { factionId: 'maelstrom', factor: 0.5 },
      { factionId: 'city_security', factor: 0.25 },
    ],
  },
  {
    id: 'maelstrom',
    name: 'Maelstrom',
    blurb: 'Chrome-obsessed gang holed up in the Watson industrial district.',
    startingStanding: -2_000,
    joinable: false,
    playerCanImprove: true,
    rivals: [
      { factionId: 'tyger_claws', factor: 0.5 },
      { factionId: 'city_security', factor: 0.25 },
    ],
  },
  {
    id: 'voodoo_boys',
    name: 'Voodoo Boys',
    blurb: 'Netrunners of Pacifica who chase what lies beyond the Blackwall.',
    startingStanding: -1_000,
    joinable: false,
    playerCanImprove: true,
    rivals: [
      { factionId: 'arasaka', factor: 0.25 },
      { factionId: 'city_security', factor: 0.25 },
    ],
  },
  {
    id: 'scavengers',
    name: 'Scavengers',
    blurb: 'Organ-legging scrappers who strip anyone careless enough to fall asleep.',
    startingStanding: -5_000,
    joinable: false,
    playerCanImprove: true,
    rivals: [{ factionId: 'city_security', factor: 0.25 }],
  },
  {
    id: 'cyberpsychos',
    name: 'Cyberpsychos',
    blurb: 'People lost to their implants. There is nothing left to bargain with.',
    startingStanding: -42_000,
    joinable: false,
    playerCanImprove: false,
    rivals: [],
  },
  {
    id: 'animals',
    name: 'Wildlife',
    blurb: 'Feral dogs and worse that roam the outskirts. They only know hunger.',
    startingStanding: -42_000,
    joinable: false,
    playerCanImprove: false,
    rivals: [],
  },
];

export const FACTIONS: readonly Faction[] = z.array(FactionSchema).parse(FACTION_INPUTS);
export const FACTION_IDS: readonly string[] = FACTIONS.map((f) => f.id);

const BY_ID = new Map(FACTIONS.map((f) => [f.id, f]));
export function factionById(id: string): Faction | undefined {
  return BY_ID.get(id);
}

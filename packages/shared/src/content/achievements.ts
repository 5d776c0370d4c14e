/**
 * The achievement definitions (achievement-schema.ts). Ids are stable: progress rows
 * and chosen titles keep them. checkAchievements (achievements/achievements.test.ts) verifies every
 * reference to content (NPCs, factions, quests, chains).
 */
import { z } from 'zod';
import { LEVEL_CAP } from './progression';
import {
  AchievementSchema,
  type Achievement,
  type AchievementInput,
  type AchievementTitle,
} from './achievement-schema';

const DRONES = ['security_drone_mk1', 'militech_recon_drone', 'arasaka_combat_drone'];
const NETRUNNERS = ['tyger_claws_netrunner', 'voodoo_netrunner'];

const COMBAT: readonly AchievementInput[] = [
  {
    id: 'ach_first_blood',
    name: 'First Blood',
    description: 'Flatline your first hostile on the streets of Night City.',
    category: 'combat',
    points: 5,
    criterion: { kind: 'kills', count: 1 },
  },
  {
    id: 'ach_kills_100',
    name: 'Street Sweeper',
    description: 'Flatline 100 hostiles. The NCPD sends a thank-you card. It bounces.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 100 },
  },
  {
    id: 'ach_kills_500',
    name: 'Body Count',
    description: 'Flatline 500 hostiles. Trauma Team has your address on speed dial.',
    category: 'combat',
    points: 25,
    criterion: { kind: 'kills', count: 500 },
    title: { id: 'title_exterminator', text: 'the Exterminator' },
  },
  {
    id: 'ach_kills_2500',
    name: 'Walking Armageddon',
    description: 'Flatline 2,500 hostiles. Scavs cross the street when they see you coming.',
    category: 'combat',
    points: 50,
    criterion: { kind: 'kills', count: 2500 },
    title: { id: 'title_flatliner', text: 'Flatliner' },
  },
  {
    id: 'ach_elite_first',
    name: 'Above Your Pay Grade',
    description: 'Take down an elite enemy — the ones with better chrome and worse manners.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 1, npcRank: 'elite' },
  },
  {
    id: 'ach_elite_25',
    name: 'Elite Hunter',
    description: 'Take down 25 elite enemies.',
    category: 'combat',
    points: 25,
    criterion: { kind: 'kills', count: 25, npcRank: 'elite' },
  },
  {
    id: 'ach_boss_first',
    name: 'The Bigger They Come',
    description: 'Bring down your first boss.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 1, npcRank: 'boss' },
  },
  {
    id: 'ach_boss_10',
    name: 'Boss Breaker',
    description: 'Bring down 10 bosses. Somebody has to run this city; it will not be them.',
    category: 'combat',
    points: 25,
    criterion: { kind: 'kills', count: 10, npcRank: 'boss' },
    title: { id: 'title_boss_breaker', text: 'Boss Breaker' },
  },
  {
    id: 'ach_razorback',
    name: 'Razorback Down',
    description: 'Put down the cyberpsycho "Razorback" in Watson.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 1, npcTemplateIds: ['cyberpsycho_kabuki'] },
  },
  {
    id: 'ach_blackwall',
    name: 'Firewall',
    description: 'Put down the cyberpsycho "Blackwall" before whatever rides it gets out.',
    category: 'combat',
    points: 25,
    criterion: { kind: 'kills', count: 1, npcTemplateIds: ['cyberpsycho_blackwall'] },
    hidden: true,
  },
  {
    id: 'ach_royce',
    name: 'Under New Management',
    description: 'Flatline Royce, boss of the Maelstrom.',
    category: 'combat',
    points: 25,
    criterion: { kind: 'kills', count: 1, npcTemplateIds: ['royce'] },
  },
  {
    id: 'ach_psycho_squad',
    name: 'Psycho Squad',
    description: 'Put down 10 cyberpsychos. MaxTac is taking applications.',
    category: 'combat',
    points: 50,
    criterion: { kind: 'kills', count: 10, factionId: 'cyberpsychos' },
    title: { id: 'title_maxtac', text: 'MaxTac Material' },
  },
  {
    id: 'ach_tyger_claws_50',
    name: 'Declawed',
    description: 'Flatline 50 Tyger Claws.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 50, factionId: 'tyger_claws' },
  },
  {
    id: 'ach_maelstrom_50',
    name: 'Chrome Crusher',
    description: 'Flatline 50 Maelstrom. Their chrome is worth more than their lives.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 50, factionId: 'maelstrom' },
  },
  {
    id: 'ach_arasaka_50',
    name: 'Corporate Downsizing',
    description: 'Flatline 50 Arasaka personnel. Saburo will not be sending flowers.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 50, factionId: 'arasaka' },
  },
  {
    id: 'ach_militech_25',
    name: 'Breach of Contract',
    description: 'Take 25 Militech assets off the board.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 25, factionId: 'militech' },
  },
  {
    id: 'ach_animals_25',
    name: 'Taming the Beasts',
    description: 'Flatline 25 Animals. Leg day is cancelled.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 25, factionId: 'animals' },
  },
  {
    id: 'ach_scavengers_25',
    name: 'Scav Hunt',
    description: 'Flatline 25 scavengers before they strip another body for parts.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 25, factionId: 'scavengers' },
  },
  {
    id: 'ach_drones_25',
    name: 'Scrap Metal',
    description: 'Shoot 25 security, recon or combat drones out of the sky.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 25, npcTemplateIds: DRONES },
  },
  {
    id: 'ach_netrunners_20',
    name: 'Jacked Out',
    description: 'Flatline 20 netrunners — Claws or Voodoo Boys — mid-hack.',
    category: 'combat',
    points: 10,
    criterion: { kind: 'kills', count: 20, npcTemplateIds: NETRUNNERS },
  },
];

const PROGRESSION: readonly AchievementInput[] = [
  {
    id: 'ach_level_5',
    name: 'No Longer a Gonk',
    description: 'Reach level 5.',
    category: 'progression',
    points: 5,
    criterion: { kind: 'level', level: 5 },
  },
  {
    id: 'ach_level_10',
    name: 'Merc on the Rise',
    description: 'Reach level 10.',
    category: 'progression',
    points: 10,
    criterion: { kind: 'level', level: 10 },
  },
  {
    id: 'ach_level_20',
    name: 'Edgerunner',
    description: 'Reach level 20 and live on the edge of the edge.',
    category: 'progression',
    points: 15,
    criterion: { kind: 'level', level: 20 },
    title: { id: 'title_edgerunner', text: 'Edgerunner' },
  },
  {
    id: 'ach_level_30',
    name: 'Street Legend',
    description: 'Reach level 30. Kids in Kabuki tell stories about you.',
    category: 'progression',
    points: 25,
    criterion: { kind: 'level', level: 30 },
  },
  {
    id: 'ach_level_40',
    name: 'Night City Icon',
    description: 'Reach level 40.',
    category: 'progression',
    points: 25,
    criterion: { kind: 'level', level: 40 },
  },
  {
    id: 'ach_level_cap',
    name: 'A Drink at the Afterlife',
    description: `Reach level ${LEVEL_CAP}. They name a drink after you.`,
    category: 'progression',
    points: 50,
    criterion: { kind: 'level', level: LEVEL_CAP },
    title: { id: 'title_legend', text: 'Legend of the Afterlife' },
  },
];

const QUESTS: readonly AchievementInput[] = [
  {
    id: 'ach_first_gig',
    name: 'Gig Economy',
    description: 'Turn in your first gig.',
    category: 'quests',
    points: 5,
    criterion: { kind: 'quests', count: 1 },
  },
  {
    id: 'ach_gigs_10',
    name: "Fixer's Favourite",
    description: 'Turn in 10 gigs.',
    category: 'quests',
    points: 10,
    criterion: { kind: 'quests', count: 10 },
  },
  {
    id: 'ach_gigs_50',
    name: 'Solo for Hire',
    description: 'Turn in 50 gigs. Your phone never stops ringing.',
    category: 'quests',
    points: 25,
    criterion: { kind: 'quests', count: 50 },
    title: { id: 'title_reliable', text: 'the Reliable' },
  },
  {
    id: 'ach_gigs_200',
    name: 'Gig Addict',
    description: 'Turn in 200 gigs. Rest is for corpos.',
    category: 'quests',
    points: 50,
    criterion: { kind: 'quests', count: 200 },
  },
  {
    id: 'ach_street_cred',
    name: 'Street Cred',
    description: 'Earn Regina’s trust in Watson.',
    category: 'quests',
    points: 5,
    criterion: { kind: 'quest', questId: 'q_street_cred' },
  },
  {
    id: 'ach_blood_in_the_water',
    name: 'Blood in the Water',
    description: 'Follow the missing Arasaka container to the end of the chain.',
    category: 'quests',
    points: 25,
    criterion: { kind: 'chain', chainId: 'blood_in_the_water' },
    title: { id: 'title_shark', text: 'the Shark' },
  },
  {
    id: 'ach_beyond_blackwall',
    name: 'Beyond the Blackwall',
    description: 'Finish the gig at the city’s edge where the Blackwall leaks.',
    category: 'quests',
    points: 10,
    criterion: { kind: 'quest', questId: 'q_cc_blackwall' },
  },
  {
    id: 'ach_clean_slate',
    name: 'Clean Slate',
    description: 'Talk your way into an Arasaka pardon.',
    category: 'quests',
    points: 10,
    criterion: { kind: 'quest', questId: 'q_cc_clean_slate' },
  },
  {
    id: 'ach_whistleblower',
    name: 'Whistleblower',
    description: 'Expose Militech’s kickbacks to the precinct.',
    category: 'quests',
    points: 10,
    criterion: { kind: 'quest', questId: 'q_wb_dirty_money' },
  },
];

const LOOT: readonly AchievementInput[] = [
  {
    id: 'ach_rare_find',
    name: 'Rare Find',
    description: 'Pick up an item of rare quality or better.',
    category: 'loot',
    points: 5,
    criterion: { kind: 'item_rarity', rarity: 'rare' },
  },
  {
    id: 'ach_top_shelf',
    name: 'Top-Shelf Chrome',
    description: 'Pick up an item of epic quality or better.',
    category: 'loot',
    points: 10,
    criterion: { kind: 'item_rarity', rarity: 'epic' },
  },
  {
    id: 'ach_first_legendary',
    name: 'Once in a Lifetime',
    description: 'Pick up your first legendary item.',
    category: 'loot',
    points: 25,
    criterion: { kind: 'item_rarity', rarity: 'legendary' },
    title: { id: 'title_chromed', text: 'Chromed Out' },
  },
  {
    id: 'ach_legendary_hoard',
    name: 'Hoard of Legends',
    description: 'Pick up 5 legendary items.',
    category: 'loot',
    points: 50,
    criterion: { kind: 'item_rarity', rarity: 'legendary', count: 5 },
    hidden: true,
  },
];

const DUNGEONS: readonly AchievementInput[] = [
  {
    id: 'ach_dungeon_first',
    name: 'Into the Undercity',
    description: 'Clear your first dungeon.',
    category: 'dungeons',
    points: 10,
    criterion: { kind: 'dungeon_clears', count: 1 },
  },
  {
    id: 'ach_dungeon_10',
    name: 'Tunnel Rat',
    description: 'Clear 10 dungeons.',
    category: 'dungeons',
    points: 25,
    criterion: { kind: 'dungeon_clears', count: 10 },
  },
  {
    id: 'ach_dungeon_50',
    name: 'Deep Diver',
    description: 'Clear 50 dungeons. You know the sewers better than the rats.',
    category: 'dungeons',
    points: 50,
    criterion: { kind: 'dungeon_clears', count: 50 },
    title: { id: 'title_deep_diver', text: 'Deep Diver' },
  },
  {
    id: 'ach_raid_first',
    name: 'Strike Team',
    description: 'Clear your first raid.',
    category: 'dungeons',
    points: 25,
    criterion: { kind: 'raid_clears', count: 1 },
  },
  {
    id: 'ach_raid_10',
    name: 'Heist Veteran',
    description: 'Clear 10 raids.',
    category: 'dungeons',
    points: 50,
    criterion: { kind: 'raid_clears', count: 10 },
    title: { id: 'title_raid_leader', text: 'Raid Leader' },
  },
];

const ARENA: readonly AchievementInput[] = [
  {
    id: 'ach_arena_first',
    name: 'Blood in the Pit',
    description: 'Win your first arena match.',
    category: 'arena',
    points: 10,
    criterion: { kind: 'arena_wins', count: 1 },
  },
  {
    id: 'ach_arena_duelist',
    name: 'Duelist',
    description: 'Win 10 one-on-one arena matches.',
    category: 'arena',
    points: 25,
    criterion: { kind: 'arena_wins', count: 10, bracket: '1v1' },
    title: { id: 'title_duelist', text: 'Duelist' },
  },
  {
    id: 'ach_arena_crew',
    name: "Three's a Crew",
    description: 'Win 10 three-on-three arena matches.',
    category: 'arena',
    points: 25,
    criterion: { kind: 'arena_wins', count: 10, bracket: '3v3' },
  },
  {
    id: 'ach_arena_100',
    name: 'Pit Champion',
    description: 'Win 100 arena matches.',
    category: 'arena',
    points: 50,
    criterion: { kind: 'arena_wins', count: 100 },
    title: { id: 'title_champion', text: 'Champion of the Pit' },
  },
];

const SOCIAL: readonly AchievementInput[] = [
  {
    id: 'ach_first_party',
    name: 'Choom Squad',
    description: 'Join a party. Nobody survives Night City alone.',
    category: 'social',
    points: 5,
    criterion: { kind: 'party_joined' },
  },
  {
    id: 'ach_guild_joined',
    name: 'Found Family',
    description: 'Join a guild (or found one).',
    category: 'social',
    points: 5,
    criterion: { kind: 'guild_joined' },
  },
  {
    id: 'ach_first_friend',
    name: 'Someone to Call',
    description: 'Make your first friend.',
    category: 'social',
    points: 5,
    criterion: { kind: 'friends', count: 1 },
  },
  {
    id: 'ach_friends_10',
    name: 'Well Connected',
    description: 'Have 10 friends at once.',
    category: 'social',
    points: 10,
    criterion: { kind: 'friends', count: 10 },
    title: { id: 'title_connected', text: 'the Connected' },
  },
  {
    id: 'ach_friends_50',
    name: 'Everybody Knows Your Handle',
    description: 'Have 50 friends at once.',
    category: 'social',
    points: 25,
    criterion: { kind: 'friends', count: 50 },
  },
];

export const ACHIEVEMENT_INPUTS: readonly AchievementInput[] = [
  ...COMBAT,
  ...PROGRESSION,
  ...QUESTS,
  ...LOOT,
  ...DUNGEONS,
  ...ARENA,
  ...SOCIAL,
];

export const ACHIEVEMENTS: readonly Achievement[] = z
  .array(AchievementSchema)
  .parse(ACHIEVEMENT_INPUTS);

const BY_ID = new Map(ACHIEVEMENTS.map((a) => [a.id, a]));
export const achievementById = (id: string): Achievement | undefined => BY_ID.get(id);

/** Every title an achievement unlocks, by title id. */
const TITLES = new Map(
  ACHIEVEMENTS.flatMap((a) => (a.title ? [[a.title.id, { ...a.title, achievementId: a.id }]] : [])),
);
export const titleById = (id: string): (AchievementTitle & { achievementId: string }) | undefined =>
  TITLES.get(id);

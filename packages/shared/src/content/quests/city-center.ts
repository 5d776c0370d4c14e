/**
 * City Center (levels 25–50): Tessa's street work under the towers, the Voodoo Boys'
 * hunt for Arasaka ICE and what lies past the Blackwall, Militech's weekly proxy
 * war, and Arasaka's answer to Blood in the Water.
 */
import type { QuestInput } from '../quest-schema';

export const CITY_CENTER_QUESTS: readonly QuestInput[] = [
  {
    id: 'q_cc_animal_control',
    title: 'Animal Control',
    summary: 'Clear eight Animals off the convoy route within twenty minutes.',
    description:
      'A Trauma Team convoy crosses the south-west blocks in twenty minutes, and the Animals like to tip over ambulances for fun. Eight of them off the street before it passes. Corpo money, so the clock is real.',
    completion: 'The convoy went through without a scratch. The client is delighted. So am I.',
    zoneId: 'city-center',
    level: 27,
    giverId: 'tessa',
    turnInId: 'tessa',
    prerequisites: { level: 25 },
    objectives: [
      {
        id: 'bruisers',
        kind: 'kill',
        label: 'Animals bruisers cleared',
        npcTemplateIds: ['animals_bruiser'],
        count: 8,
      },
    ],
    rewards: {
      xp: 3500,
      eddies: 1500,
      choice: [
        { templateId: 'gauntlets_powered', quantity: 1 },
        { templateId: 'legs_plated', quantity: 1 },
        { templateId: 'stim_military', quantity: 3 },
      ],
      reputation: [{ factionId: 'fixers', delta: 400 }],
    },
    failure: { timeLimitSeconds: 1200, note: 'Fails if not done within 20 minutes.' },
  },
  {
    id: 'q_cc_ice_harvest',
    title: 'ICE Harvest',
    summary: 'Down Arasaka combat drones and take ICE samples from their relay cabinet.',
    description:
      'Arasaka guards its relays with ICE we have never seen. Break the drones that watch the cabinet by the drone yard, then bring me four samples of what sleeps inside. And do not raise a hand against my people — the loa are watching.',
    completion: 'Cold, beautiful, hungry. The loa thank you. So do I.',
    zoneId: 'city-center',
    level: 40,
    giverId: 'celestine',
    turnInId: 'celestine',
    prerequisites: {
      level: 38,
      standing: [{ factionId: 'voodoo_boys', atLeast: 'unfriendly' }],
    },
    objectives: [
      {
        id: 'drones',
        kind: 'kill',
        label: 'Arasaka combat drones downed',
        npcTemplateIds: ['arasaka_combat_drone'],
        count: 5,
      },
      {
        id: 'samples',
        kind: 'collect',
        label: 'Arasaka ICE samples',
        itemTemplateId: 'voodoo_ice_sample',
        count: 4,
      },
    ],
    rewards: {
      xp: 6000,
      eddies: 2500,
      choice: [
        { templateId: 'cyber_pain_editor', quantity: 1 },
        { templateId: 'shield_energy', quantity: 1 },
        { templateId: 'launcher_ashura', quantity: 1 },
      ],
      reputation: [
        { factionId: 'voodoo_boys', delta: 800 },
        { factionId: 'arasaka', delta: -400 },
      ],
    },
    failure: {
      npcKilled: [{ npcTemplateIds: ['voodoo_netrunner'], by: 'self' }],
      note: 'Fails if you kill a Voodoo Boys netrunner.',
    },
    hint: 'The relay cabinet stands west of the drone yard; it opens for you every half minute.',
  },
  {
    id: 'q_cc_blackwall',
    title: 'Beyond the Blackwall',
    summary: 'Put down the cyberpsycho the Blackwall left behind at the city’s edge.',
    description:
      'The ICE you brought showed us a door, and something came through it into a man. He waits by the Blackwall Gate in the south-east. Free him — the only way left. Bring friends; he will not go gently.',
    completion: 'It is over. What he saw, we will study. What you did, we will remember.',
    zoneId: 'city-center',
    level: 50,
    giverId: 'celestine',
    turnInId: 'celestine',
    prerequisites: { level: 46, quests: ['q_cc_ice_harvest'] },
    objectives: [
      {
        id: 'gate',
        kind: 'reach',
        label: 'Find the Blackwall Gate',
        zoneId: 'city-center',
        areaId: 'blackwall_gate',
      },
      {
        id: 'psycho',
        kind: 'kill',
        label: 'The Blackwall cyberpsycho freed',
        npcTemplateIds: ['cyberpsycho_blackwall'],
        count: 1,
      },
    ],
    rewards: {
      xp: 15_000,
      eddies: 8000,
      choice: [
        { templateId: 'jacket_samurai', quantity: 1 },
        { templateId: 'legs_arasaka_exo', quantity: 1 },
        { templateId: 'stim_platinum', quantity: 3 },
      ],
      reputation: [
        { factionId: 'voodoo_boys', delta: 1200 },
        { factionId: 'arasaka', delta: -600 },
      ],
    },
    hint: 'A raid boss: bring a full party.',
  },
  {
    id: 'q_cc_proxy_war',
    title: 'Proxy War',
    summary: 'Weekly: Militech pays for ten Arasaka guards taken off the board.',
    description:
      "Officially, Militech and Arasaka are at peace. Unofficially, I pay for every Arasaka guard who doesn't show up for work. Ten a week. No insignia, no questions, no receipts.",
    completion: 'Ten empty posts. Accounting calls this "market share". Same time next week.',
    zoneId: 'city-center',
    level: 35,
    giverId: 'gideon',
    turnInId: 'gideon',
    repeat: 'weekly',
    prerequisites: { level: 32 },
    objectives: [
      {
        id: 'guards',
        kind: 'kill',
        label: 'Arasaka guards off the board',
        npcTemplateIds: ['arasaka_guard'],
        count: 10,
      },
    ],
    rewards: {
      xp: 5000,
      eddies: 3000,
      reputation: [
        { factionId: 'militech', delta: 500 },
        { factionId: 'arasaka', delta: -500 },
      ],
    },
  },
  {
    id: 'q_cc_clean_slate',
    title: 'Clean Slate',
    summary: 'Convince Arasaka you were only a courier, then earn the pardon at the Tower.',
    description:
      'You put a beacon on an Arasaka container in Westbrook. We know. Arasaka forgives people who are useful: convince me you were only a courier, push the Voodoo Boys back from our relays, and report at the Tower gate. Or lie to me badly, and we are done.',
    completion: 'Your file is clean. Arasaka remembers its friends — and everyone else.',
    zoneId: 'city-center',
    level: 36,
    giverId: 'aiko',
    turnInId: 'aiko',
    prerequisites: {
      level: 33,
      flags: [{ key: 'chain.bitw.done' }],
      standing: [{ factionId: 'arasaka', atLeast: 'unfriendly' }],
    },
    objectives: [
      {
        id: 'story',
        kind: 'skill_check',
        label: 'Convince Aiko you were only a courier (Cool)',
        checkId: 'aiko_courier',
      },
      {
        id: 'voodoo',
        kind: 'kill',
        label: 'Voodoo Boys netrunners pushed back',
        npcTemplateIds: ['voodoo_netrunner'],
        count: 4,
        requires: ['story'],
      },
      {
        id: 'tower',
        kind: 'reach',
        label: 'Report at the Arasaka Tower gate',
        zoneId: 'city-center',
        areaId: 'arasaka_tower',
        requires: ['voodoo'],
      },
    ],
    rewards: {
      xp: 5500,
      eddies: 2600,
      choice: [
        { templateId: 'jacket_corpo', quantity: 1 },
        { templateId: 'rifle_sidewinder', quantity: 1 },
        { templateId: 'cyber_bionic_lungs', quantity: 1 },
      ],
      reputation: [
        { factionId: 'arasaka', delta: 1000 },
        { factionId: 'voodoo_boys', delta: -400 },
      ],
      flags: [{ key: 'cc.arasaka.pardoned', value: 'true' }],
    },
    failure: { note: 'Fails if you confess the beacon to Aiko.' },
    hint: 'Only for those who finished Blood in the Water. Cool helps.',
  },
];

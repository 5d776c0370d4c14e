/**
 * Quests (quest-schema.ts). Grouped by district: the Watson seed quests here, the
 * rest in quests/<district>.ts. checkContent verifies every reference. Ids are
 * stable: CharacterQuest rows keep them.
 */
import { z } from 'zod';
import { LOST_SHIPMENT_QUEST_ID } from './loot-tables';
import { QuestSchema, type Quest, type QuestInput } from './quest-schema';
import { CITY_CENTER_QUESTS } from './quests/city-center';
import { WATSON_QUESTS } from './quests/watson';
import { WELCOME_QUESTS } from './quests/welcome';
import { WESTBROOK_QUESTS } from './quests/westbrook';

export const QUEST_INPUTS: readonly QuestInput[] = [
  // the welcome quest every new character starts with (quests/welcome.ts)
  ...WELCOME_QUESTS,
  // ── Watson (1–12) ───────────────────────────────────────────────────────
  {
    id: 'q_street_cred',
    title: 'Street Cred',
    summary: 'Prove to Regina you can keep your cool, then say hi to Dex.',
    description:
      "New in Watson? Everybody is, once. I don't hand gigs to anyone who flinches — show me you've got ice in your veins. Then go see Dex by Lizzie's; he should know your face.",
    completion: 'Dex says you check out. Welcome to the life, choom.',
    zoneId: 'watson',
    level: 1,
    giverId: 'regina',
    turnInId: 'regina',
    objectives: [
      {
        id: 'convince',
        kind: 'skill_check',
        label: 'Convince Regina (Cool)',
        checkId: 'regina_cred',
      },
      { id: 'meet_dex', kind: 'talk', label: 'Introduce yourself to Dex', contactId: 'dex' },
    ],
    rewards: {
      xp: 120,
      eddies: 50,
      items: [{ templateId: 'stim_basic', quantity: 2 }],
      reputation: [{ factionId: 'fixers', delta: 250 }],
    },
    hint: 'Cool helps with the first step.',
  },
  {
    id: 'q_punk_problem',
    title: 'Punk Problem',
    summary: 'Thin out the Tyger Claws punks squatting on Kabuki Market.',
    description:
      'The Claws have punks shaking down my vendors right under the bank terminal. Five of them less and the market breathes again. Pick something from the locker when you are done.',
    completion: 'The stalls are open again. Take your pick, you earned it.',
    zoneId: 'watson',
    level: 2,
    giverId: 'regina',
    turnInId: 'regina',
    objectives: [
      {
        id: 'punks',
        kind: 'kill',
        label: 'Tyger Claws punks dealt with',
        npcTemplateIds: ['tyger_claws_punk'],
        count: 5,
      },
    ],
    rewards: {
      xp: 250,
      eddies: 80,
      choice: [
        { templateId: 'machete_scrap', quantity: 1 },
        { templateId: 'jacket_kevlar', quantity: 1 },
        { templateId: 'stim_basic', quantity: 5 },
      ],
      reputation: [
        { factionId: 'city_security', delta: 150 },
        { factionId: 'tyger_claws', delta: -250 },
      ],
    },
  },
  {
    id: LOST_SHIPMENT_QUEST_ID,
    title: 'Lost Shipment',
    summary: 'Find the manifest of an Arasaka container that never arrived.',
    description:
      'A container went missing off the Watson docks. Arasaka wants it quiet, I want it loud. Street thugs have been flashing a manifest around — or crack the shipment crate by the docks yourself.',
    completion: 'Routing codes, container numbers… this is worth a lot to the right people.',
    zoneId: 'watson',
    level: 3,
    giverId: 'dex',
    turnInId: 'dex',
    prerequisites: { level: 2 },
    objectives: [
      {
        id: 'manifest',
        kind: 'collect',
        label: 'Arasaka shipping manifest',
        itemTemplateId: 'junk_shipping_manifest',
        count: 1,
      },
    ],
    rewards: {
      xp: 300,
      eddies: 120,
      reputation: [
        { factionId: 'fixers', delta: 300 },
        { factionId: 'arasaka', delta: -150 },
      ],
    },
  },
  {
    id: 'q_scavenger_sweep',
    title: 'Scavenger Sweep',
    summary: 'Put down six scavengers before they move their haul — you have 20 minutes.',
    description:
      'Scavs snatched two kids off Northside last night. We know where they hole up, and we know they move at dawn. Six of them, twenty minutes, no paperwork.',
    completion: 'Good work. The precinct owes you one — officially, it owes you nothing.',
    zoneId: 'watson',
    level: 4,
    giverId: 'sgt_han',
    turnInId: 'sgt_han',
    prerequisites: { level: 3 },
    objectives: [
      {
        id: 'scavs',
        kind: 'kill',
        label: 'Scavengers put down',
        npcTemplateIds: ['watson_scavenger'],
        count: 6,
      },
    ],
    rewards: {
      xp: 400,
      eddies: 150,
      reputation: [{ factionId: 'city_security', delta: 300 }],
    },
    failure: {
      timeLimitSeconds: 1200,
      npcKilled: [],
      note: 'Fails if not done within 20 minutes.',
    },
  },
  {
    id: 'q_ncpd_patrol',
    title: 'NCPD Patrol',
    summary: 'Daily: clear eight hostiles off the streets of Watson.',
    description:
      'Same streets, same scum, every day. Eight of them — Claws, scavs, Maelstrom, I do not care — and I sign your bounty slip.',
    completion: 'Slip signed. Same time tomorrow.',
    zoneId: 'watson',
    level: 3,
    giverId: 'sgt_han',
    turnInId: 'sgt_han',
    repeat: 'daily',
    prerequisites: { level: 2 },
    objectives: [
      {
        id: 'hostiles',
        kind: 'kill',
        label: 'Hostiles cleared',
        npcTemplateIds: ['tyger_claws_punk', 'watson_scavenger', 'maelstrom_ganger'],
        count: 8,
      },
    ],
    rewards: {
      xp: 200,
      eddies: 100,
      reputation: [{ factionId: 'city_security', delta: 100 }],
    },
  },
  {
    id: 'q_claws_truce',
    title: 'Keep the Peace',
    summary: "Carry Jun's message to Regina without spilling Claws blood on the way.",
    description:
      'The Claws want a truce with the market. Walk Jig-Jig Street so our people see you, then tell Regina we talk. Touch one of our punks on the way and the deal is off.',
    completion: 'A truce with the Claws? Regina will want to hear that twice. Nicely done.',
    zoneId: 'watson',
    level: 2,
    giverId: 'jun',
    turnInId: 'jun',
    prerequisites: { standing: [{ factionId: 'tyger_claws', atLeast: 'unfriendly' }] },
    objectives: [
      {
        id: 'walk',
        kind: 'reach',
        label: 'Be seen on Jig-Jig Street',
        zoneId: 'watson',
        areaId: 'jig_jig_street',
      },
      {
        id: 'tell',
        kind: 'talk',
        label: 'Bring the message to Regina',
        contactId: 'regina',
        requires: ['walk'],
      },
    ],
    rewards: {
      xp: 220,
      eddies: 60,
      reputation: [{ factionId: 'tyger_claws', delta: 600 }],
    },
    failure: {
      npcKilled: [{ npcTemplateIds: ['tyger_claws_punk'], by: 'self' }],
      note: 'Fails if you kill a Tyger Claws punk.',
    },
  },
  {
    id: 'q_bitw_rumor',
    title: 'Blood in the Water',
    summary: 'Get Jun Nakamura to tell you what the Claws know about the missing container.',
    description:
      "That Arasaka container? The Claws know more than they let on. Jun Nakamura talks for them — make him talk to you. Smooth, or with eddies, I don't care which.",
    completion: 'So the Claws and Maelstrom are both circling it. Now it gets interesting.',
    zoneId: 'watson',
    level: 3,
    giverId: 'dex',
    turnInId: 'dex',
    chain: { id: 'blood_in_the_water', name: 'Blood in the Water', step: 1 },
    prerequisites: { quests: ['q_street_cred'] },
    objectives: [
      { id: 'jun', kind: 'choice', label: 'Get Jun to talk', flag: 'chain.bitw.jun_talked' },
    ],
    rewards: { xp: 250, eddies: 100, reputation: [{ factionId: 'fixers', delta: 200 }] },
  },
  // the rest of Watson, then Westbrook (10–30) and City Center (25–50): quests/*.ts
  ...WATSON_QUESTS,
  ...WESTBROOK_QUESTS,
  ...CITY_CENTER_QUESTS,
];

export const QUESTS: readonly Quest[] = z.array(QuestSchema).parse(QUEST_INPUTS);

const BY_ID = new Map(QUESTS.map((q) => [q.id, q]));
export const questById = (id: string): Quest | undefined => BY_ID.get(id);
export const questsGivenBy = (contactId: string): Quest[] =>
  QUESTS.filter((q) => q.giverId === contactId);
/** Quests every new character starts with (the welcome quest). */
export const QUESTS_GIVEN_AT_CREATION: readonly Quest[] = QUESTS.filter((q) => q.givenAtCreation);
export const questsTurnedInAt = (contactId: string): Quest[] =>
  QUESTS.filter((q) => q.turnInId === contactId);

/**
 * Watson (levels 1–12), after the seed quests in quests.ts: Blood in the Water
 * steps 2–3 (the container on the docks, the decision over the shard), Regina's
 * dead drop (started in dialogue, failed by a careless word) and Han's cyberpsycho.
 */
import type { QuestInput } from '../quest-schema';

const BITW = { id: 'blood_in_the_water', name: 'Blood in the Water' } as const;

export const WATSON_QUESTS: readonly QuestInput[] = [
  {
    id: 'q_bitw_warehouse',
    title: 'Dockside Container',
    summary: 'Find the Arasaka container in the Maelstrom warehouse and pull its data shard.',
    description:
      "Jun was right: Maelstrom sits on the container in a warehouse on the docks. Walk in, thin out the welcome committee, and crack the thing open. I want whatever's in its lock — containers that talk tell you where they're going.",
    completion:
      'Arasaka ICE on a shipping lock. Somebody paid a lot to keep this quiet — which means somebody pays a lot to hear it.',
    zoneId: 'watson',
    level: 6,
    giverId: 'dex',
    turnInId: 'dex',
    chain: { ...BITW, step: 2 },
    prerequisites: { level: 5, quests: ['q_bitw_rumor'] },
    objectives: [
      {
        id: 'docks',
        kind: 'reach',
        label: 'Scout the Maelstrom warehouse on the docks',
        zoneId: 'watson',
        areaId: 'watson_docks',
      },
      {
        id: 'gangers',
        kind: 'kill',
        label: 'Maelstrom gangers dealt with',
        npcTemplateIds: ['maelstrom_ganger'],
        count: 4,
      },
      {
        id: 'shard',
        kind: 'collect',
        label: 'Pull the data shard from the container',
        itemTemplateId: 'bitw_container_shard',
        count: 1,
      },
    ],
    rewards: {
      xp: 550,
      eddies: 180,
      items: [{ templateId: 'inhaler_bounce_back', quantity: 2 }],
      reputation: [
        { factionId: 'fixers', delta: 200 },
        { factionId: 'maelstrom', delta: -250 },
      ],
    },
    hint: 'The container stands just south of the Dock Warehouse.',
  },
  {
    id: 'q_bitw_decision',
    title: 'Reading the Shard',
    summary: 'Get the shard decrypted, then decide who gets the container’s route.',
    description:
      "The shard's locked tight. Viktor can read it, or you can try your own deck on it. Then we decide who we sell the route to — Jun and the Claws pay well, Han and the NCPD remember favours. Your call, choom. Choose once.",
    completion:
      'Done is done. Whoever you picked, they will be waiting for you in Westbrook — that is where the container went.',
    zoneId: 'watson',
    level: 7,
    giverId: 'dex',
    turnInId: 'dex',
    chain: { ...BITW, step: 3 },
    prerequisites: { level: 6, quests: ['q_bitw_warehouse'] },
    objectives: [
      { id: 'vik', kind: 'talk', label: 'Bring the shard to Viktor', contactId: 'vik' },
      {
        id: 'decrypt',
        kind: 'choice',
        label: 'Get the shard decrypted',
        flag: 'chain.bitw.decrypted',
        requires: ['vik'],
      },
      {
        id: 'decide',
        kind: 'choice',
        label: 'Tell Dex who gets the route: the Claws or the NCPD',
        flag: 'chain.bitw.shard',
        requires: ['decrypt'],
      },
    ],
    rewards: {
      xp: 650,
      eddies: 220,
      reputation: [{ factionId: 'fixers', delta: 250 }],
    },
    hint: 'Quickhacking lets you crack the shard yourself; otherwise Viktor charges.',
  },
  {
    id: 'q_dead_drop',
    title: 'Dead Drop',
    summary: "Leave Regina's data drop in Northside and give Koji the passphrase — not her name.",
    description:
      'A quiet one. Leave this drop in Northside, by the tenements. Then tell Koji at the noodle cart that a friend who likes the rain sent you. Never say my name out loud. I do not give second chances.',
    completion: 'Koji says you were a ghost. Good. Ghosts get paid.',
    zoneId: 'watson',
    level: 5,
    giverId: 'regina',
    turnInId: 'regina',
    dialogueOnly: true,
    retryable: false,
    prerequisites: { level: 4, quests: ['q_street_cred'] },
    objectives: [
      {
        id: 'plant',
        kind: 'use',
        label: 'Leave the data drop in Northside',
        itemTemplateId: 'regina_data_drop',
        count: 1,
        zoneId: 'watson',
        areaId: 'northside',
      },
      {
        id: 'password',
        kind: 'choice',
        label: 'Give Koji the passphrase',
        flag: 'watson.deaddrop.koji',
      },
    ],
    rewards: {
      xp: 420,
      eddies: 160,
      items: [{ templateId: 'food_noodles', quantity: 3 }],
      reputation: [{ factionId: 'fixers', delta: 300 }],
    },
    failure: { npcKilled: [], note: "Fails if you say Regina's name to Koji." },
  },
  {
    id: 'q_razorback',
    title: 'Cyberpsycho Sighting',
    summary: 'Find the cyberpsycho nesting by the old substation and put it down.',
    description:
      'You read the profile right: Razorback nests in the substation yard in the south-east corner. MaxTac is a week out. I need it stopped tonight — and I need it done by someone the precinct can deny.',
    completion:
      'Razorback is a line in the report now. The precinct thanks you, unofficially and in cash.',
    zoneId: 'watson',
    level: 11,
    giverId: 'sgt_han',
    turnInId: 'sgt_han',
    prerequisites: { level: 9, flags: [{ key: 'watson.han.case_file' }] },
    objectives: [
      {
        id: 'lair',
        kind: 'reach',
        label: 'Find the substation yard',
        zoneId: 'watson',
        areaId: 'razorback_lair',
      },
      {
        id: 'psycho',
        kind: 'kill',
        label: 'Razorback stopped',
        npcTemplateIds: ['cyberpsycho_kabuki'],
        count: 1,
        requires: ['lair'],
      },
    ],
    rewards: {
      xp: 1500,
      eddies: 600,
      choice: [
        { templateId: 'revolver_overture', quantity: 1 },
        { templateId: 'vest_tactical', quantity: 1 },
        { templateId: 'cyber_subdermal_armor', quantity: 1 },
      ],
      reputation: [{ factionId: 'city_security', delta: 500 }],
    },
    hint: 'Bring friends. Razorback is a boss.',
  },
];

/**
 * Westbrook (levels 10–30): Blood in the Water steps 4a/4b (one branch each side of
 * the decision in q_bitw_decision) and 5, Wakako's Japantown gigs, the NCPD beat
 * (daily) and River's inside job (NCPD Friendly), and the Aldecaldos' drone work
 * and weekly scrap run.
 */
import type { QuestInput } from '../quest-schema';

const BITW = { id: 'blood_in_the_water', name: 'Blood in the Water' } as const;

export const WESTBROOK_QUESTS: readonly QuestInput[] = [
  // ── Blood in the Water, step 4: one of two, by the shard decision ───────
  {
    id: 'q_bitw_claws',
    title: 'Claws Out',
    summary: "Help the Claws hit Maelstrom's convoy in Japantown and take its route chip.",
    description:
      'You brought the route to us, so you ride with us. Sora Ishikawa runs our blocks in Japantown. Maelstrom escorts the convoy with their heavies — cut them down, take the nav-chip, and Sora will know where Royce sleeps.',
    completion:
      'The chip names every stop, and the last one is Royce’s yard. Take this beacon — the Claws hit the container when you say it is marked.',
    zoneId: 'westbrook',
    level: 12,
    giverId: 'jun',
    turnInId: 'sora',
    chain: { ...BITW, step: 4 },
    prerequisites: {
      level: 10,
      quests: ['q_bitw_decision'],
      notQuests: ['q_bitw_ncpd'],
      flags: [{ key: 'chain.bitw.shard', value: 'claws' }],
    },
    objectives: [
      { id: 'sora', kind: 'talk', label: 'Meet Sora Ishikawa in Japantown', contactId: 'sora' },
      {
        id: 'escorts',
        kind: 'kill',
        label: 'Maelstrom escorts cut down',
        npcTemplateIds: ['maelstrom_enforcer'],
        count: 2,
        requires: ['sora'],
      },
      {
        id: 'chip',
        kind: 'collect',
        label: "Take the convoy's route chip",
        itemTemplateId: 'bitw_route_chip',
        count: 1,
      },
    ],
    rewards: {
      xp: 2200,
      eddies: 700,
      items: [{ templateId: 'bitw_tracer_beacon', quantity: 1 }],
      reputation: [
        { factionId: 'tyger_claws', delta: 800 },
        { factionId: 'city_security', delta: -300 },
        { factionId: 'maelstrom', delta: -400 },
      ],
      flags: [{ key: 'chain.bitw.route_known', value: 'claws' }],
    },
    hint: 'The Maelstrom enforcers wait west of the Japantown Gate.',
  },
  {
    id: 'q_bitw_ncpd',
    title: 'By the Book',
    summary: "Rebuild the shard's routing with Detective Ward and confirm the container's path.",
    description:
      'You brought the route to the law — good. My contact in Japantown, Detective River Ward, can turn that shard into a warrant. Help him read it, check the rail yard it points to, and the NCPD will take Royce the legal way.',
    completion:
      'Rail yard logs match the shard. That is probable cause. Take this tracer — mark the container and we roll.',
    zoneId: 'westbrook',
    level: 12,
    giverId: 'sgt_han',
    turnInId: 'det_river',
    chain: { ...BITW, step: 4 },
    prerequisites: {
      level: 10,
      quests: ['q_bitw_decision'],
      notQuests: ['q_bitw_claws'],
      flags: [{ key: 'chain.bitw.shard', value: 'ncpd' }],
    },
    objectives: [
      {
        id: 'river',
        kind: 'talk',
        label: 'Meet Detective Ward in Japantown',
        contactId: 'det_river',
      },
      {
        id: 'trace',
        kind: 'skill_check',
        label: "Rebuild the shard's routing table (Engineering)",
        checkId: 'bitw_river_trace',
        requires: ['river'],
      },
      {
        id: 'yard',
        kind: 'reach',
        label: 'Confirm the container passed the rail yard',
        zoneId: 'westbrook',
        areaId: 'westbrook_rail_yard',
        requires: ['trace'],
      },
    ],
    rewards: {
      xp: 2200,
      eddies: 700,
      items: [{ templateId: 'bitw_tracer_beacon', quantity: 1 }],
      reputation: [
        { factionId: 'city_security', delta: 800 },
        { factionId: 'tyger_claws', delta: -300 },
        { factionId: 'maelstrom', delta: -400 },
      ],
      flags: [{ key: 'chain.bitw.route_known', value: 'ncpd' }],
    },
    hint: 'Engineering helps with the routing table; you can try again.',
  },
  // ── Blood in the Water, step 5: both branches meet ──────────────────────
  {
    id: 'q_bitw_finale',
    title: "Royce's Yard",
    summary: "Slip into Royce's yard and plant the beacon on the container — while Royce lives.",
    description:
      'Dex called ahead. The container sits in Royce’s yard in the north-west lot, with Royce himself sitting on it. Plant the beacon and come back to me. If somebody kills Royce before our people move, Maelstrom scatters and takes the container with them — so nobody touches him. Lost the beacon? My locker by the gate has spares while this job runs.',
    completion:
      'The beacon is live. Whoever you brought this to moves tonight. You started this in a Watson bar; you finished it in Royce’s back yard. Not bad.',
    zoneId: 'westbrook',
    level: 20,
    giverId: 'wakako',
    turnInId: 'wakako',
    chain: { ...BITW, step: 5 },
    prerequisites: {
      level: 18,
      quests: ['q_bitw_decision'],
      flags: [{ key: 'chain.bitw.route_known' }],
    },
    objectives: [
      {
        id: 'yard',
        kind: 'reach',
        label: "Slip into Royce's yard",
        zoneId: 'westbrook',
        areaId: 'royce_yard',
      },
      {
        id: 'beacon',
        kind: 'use',
        label: 'Plant the tracer beacon on the container',
        itemTemplateId: 'bitw_tracer_beacon',
        count: 1,
        zoneId: 'westbrook',
        areaId: 'royce_yard',
      },
    ],
    rewards: {
      xp: 4000,
      eddies: 1800,
      choice: [
        { templateId: 'smart_pistol_kenshin', quantity: 1 },
        { templateId: 'coat_trench_armored', quantity: 1 },
        { templateId: 'cyber_kerenzikov', quantity: 1 },
      ],
      reputation: [
        { factionId: 'fixers', delta: 600 },
        { factionId: 'maelstrom', delta: -600 },
        { factionId: 'arasaka', delta: -400 },
      ],
      flags: [{ key: 'chain.bitw.done', value: 'true' }],
    },
    failure: {
      npcKilled: [{ npcTemplateIds: ['royce'], by: 'anyone' }],
      note: 'Fails if anyone kills Royce before you report back to Wakako.',
    },
    hint: "Use the beacon inside Royce's yard, keep away from Royce, and hurry back.",
  },

  // ── Wakako's gigs ───────────────────────────────────────────────────────
  {
    id: 'q_wb_steel_rain',
    title: 'Steel Rain',
    summary: 'Break the Tyger Claws swordsmen squeezing the shops north of the gate.',
    description:
      'The Claws send swordsmen to collect "rent" from shopkeepers who already paid. Six of them fewer, and my clients will remember who sent you. The Claws will remember too — that is the price.',
    completion: 'The shutters are up again. Choose something — you earned the right to be picky.',
    zoneId: 'westbrook',
    level: 14,
    giverId: 'wakako',
    turnInId: 'wakako',
    prerequisites: { level: 12 },
    objectives: [
      {
        id: 'swordsmen',
        kind: 'kill',
        label: 'Tyger Claws swordsmen broken',
        npcTemplateIds: ['tyger_claws_swordsman'],
        count: 6,
      },
    ],
    rewards: {
      xp: 1800,
      eddies: 650,
      choice: [
        { templateId: 'katana_tsumetogi', quantity: 1 },
        { templateId: 'shield_riot', quantity: 1 },
        { templateId: 'stim_trauma', quantity: 5 },
      ],
      reputation: [
        { factionId: 'fixers', delta: 300 },
        { factionId: 'tyger_claws', delta: -300 },
      ],
    },
  },
  {
    id: 'q_wb_ghosts',
    title: 'Ghosts in the Wire',
    summary: 'Take down Claws netrunners and bring Wakako three of their deck fragments.',
    description:
      'Someone in the Claws reads my messages. Their netrunners work the east blocks. Bring me pieces of their decks — three will do — and my runner will find out who they sold my mail to.',
    completion:
      'Claws firmware, Militech keys. So that is who was listening. Thank you — discreetly.',
    zoneId: 'westbrook',
    level: 18,
    giverId: 'wakako',
    turnInId: 'wakako',
    prerequisites: { level: 16, quests: ['q_wb_steel_rain'] },
    objectives: [
      {
        id: 'runners',
        kind: 'kill',
        label: 'Tyger Claws netrunners taken down',
        npcTemplateIds: ['tyger_claws_netrunner'],
        count: 4,
      },
      {
        id: 'fragments',
        kind: 'collect',
        label: 'Claws cyberdeck fragments',
        itemTemplateId: 'claws_deck_fragment',
        count: 3,
      },
    ],
    rewards: {
      xp: 2600,
      eddies: 900,
      items: [{ templateId: 'stim_black_lace', quantity: 2 }],
      reputation: [
        { factionId: 'fixers', delta: 400 },
        { factionId: 'tyger_claws', delta: -400 },
      ],
    },
  },

  // ── NCPD, Japantown precinct ────────────────────────────────────────────
  {
    id: 'q_wb_beat',
    title: 'Japantown Beat',
    summary: 'Daily: clear six Tyger Claws off the Japantown streets.',
    description:
      'Japantown has more blades than badges. Six Claws off the street — swordsmen or runners — and the precinct pays the bounty. Tomorrow there will be six more.',
    completion: 'Bounty logged. See you tomorrow, same corner.',
    zoneId: 'westbrook',
    level: 14,
    giverId: 'det_river',
    turnInId: 'det_river',
    repeat: 'daily',
    prerequisites: { level: 12 },
    objectives: [
      {
        id: 'claws',
        kind: 'kill',
        label: 'Tyger Claws cleared',
        npcTemplateIds: ['tyger_claws_swordsman', 'tyger_claws_netrunner'],
        count: 6,
      },
    ],
    rewards: {
      xp: 900,
      eddies: 300,
      reputation: [{ factionId: 'city_security', delta: 150 }],
    },
  },
  {
    id: 'q_wb_dirty_money',
    title: 'Dirty Money',
    summary: "Expose Militech's kickbacks to the precinct: the checkpoint, its drones, a witness.",
    description:
      "You've earned the precinct's trust, so here is what I cannot say inside it: Militech pays my captain to look away from their checkpoint. Go there, knock out their recon drones, and get the nomad trader who saw the deliveries to talk. Quietly.",
    completion: 'Enough for Internal Affairs. My captain is going to have a very bad week.',
    zoneId: 'westbrook',
    level: 24,
    giverId: 'det_river',
    turnInId: 'det_river',
    prerequisites: {
      level: 20,
      standing: [{ factionId: 'city_security', atLeast: 'friendly' }],
    },
    objectives: [
      {
        id: 'checkpoint',
        kind: 'reach',
        label: 'Scout the Militech checkpoint',
        zoneId: 'westbrook',
        areaId: 'militech_checkpoint',
      },
      {
        id: 'drones',
        kind: 'kill',
        label: 'Militech recon drones downed',
        npcTemplateIds: ['militech_recon_drone'],
        count: 3,
      },
      { id: 'witness', kind: 'talk', label: 'Get Rust to talk', contactId: 'rust' },
    ],
    rewards: {
      xp: 3200,
      eddies: 1200,
      choice: [
        { templateId: 'legs_plated', quantity: 1 },
        { templateId: 'gauntlets_powered', quantity: 1 },
        { templateId: 'revolver_burya', quantity: 1 },
      ],
      reputation: [
        { factionId: 'city_security', delta: 700 },
        { factionId: 'militech', delta: -500 },
      ],
    },
    hint: 'Only for friends of the NCPD.',
  },

  // ── Aldecaldos ──────────────────────────────────────────────────────────
  {
    id: 'q_wb_eyes',
    title: 'Eyes in the Sky',
    summary: 'Knock five Militech recon drones out of the sky over the rail lines.',
    description:
      'Militech drones follow our trucks from the Badlands to the market and back. Five of them down and the family drives without an audience for a while. The clan does not forget a favour.',
    completion: 'Quiet skies. The family thanks you — take something for the road.',
    zoneId: 'westbrook',
    level: 22,
    giverId: 'rust',
    turnInId: 'rust',
    prerequisites: { level: 20 },
    objectives: [
      {
        id: 'drones',
        kind: 'kill',
        label: 'Militech recon drones downed',
        npcTemplateIds: ['militech_recon_drone'],
        count: 5,
      },
    ],
    rewards: {
      xp: 2800,
      eddies: 950,
      choice: [
        { templateId: 'rifle_ajax', quantity: 1 },
        { templateId: 'shield_ballistic', quantity: 1 },
        { templateId: 'cyber_smart_link', quantity: 1 },
      ],
      reputation: [
        { factionId: 'aldecaldos', delta: 600 },
        { factionId: 'militech', delta: -300 },
      ],
    },
  },
  {
    id: 'q_wb_scrap_run',
    title: 'Scrap Run',
    summary: 'Weekly: bring Rust eight pieces of chrome plating for the clan’s trucks.',
    description:
      "The trucks eat chrome plating faster than we can strip it. Eight pieces a week keeps the convoy rolling. Militech drones carry good plating — I don't ask where yours comes from.",
    completion: 'That keeps the wheels on for another week. Here, for your trouble.',
    zoneId: 'westbrook',
    level: 20,
    giverId: 'rust',
    turnInId: 'rust',
    repeat: 'weekly',
    prerequisites: { level: 18 },
    objectives: [
      {
        id: 'plating',
        kind: 'collect',
        label: 'Chrome plating',
        itemTemplateId: 'chrome_plating',
        count: 8,
      },
    ],
    rewards: {
      xp: 1500,
      eddies: 1200,
      reputation: [{ factionId: 'aldecaldos', delta: 400 }],
    },
  },
];

/** Westbrook contacts' dialogue trees (dialogue-schema.ts): Wakako, River, Sora, Rust. */
import type { DialogueInput } from '../dialogue-schema';
import { back, bye } from './common';

export const WESTBROOK_DIALOGUES: readonly DialogueInput[] = [
  {
    id: 'wakako',
    contactId: 'wakako',
    entries: [{ node: 'greet' }],
    nodes: [
      {
        id: 'greet',
        text: 'Wakako Okada. You are new to Japantown, and yet people already speak of you. What brings you to my door?',
        choices: [
          {
            id: 'container',
            text: 'Dex sent me about a container.',
            conditions: [{ kind: 'quest', questId: 'q_bitw_finale', in: ['available', 'active'] }],
            next: 'container',
          },
          {
            id: 'lost_beacon',
            text: 'I lost the beacon.',
            conditions: [{ kind: 'quest', questId: 'q_bitw_finale', in: ['active'] }],
            next: 'spare_beacon',
          },
          {
            id: 'outcome_claws',
            text: 'What happened to the container?',
            conditions: [
              { kind: 'quest', questId: 'q_bitw_finale', in: ['completed'] },
              { kind: 'flag', key: 'chain.bitw.shard', value: 'claws' },
            ],
            next: 'end_claws',
          },
          {
            id: 'outcome_ncpd',
            text: 'What happened to the container?',
            conditions: [
              { kind: 'quest', questId: 'q_bitw_finale', in: ['completed'] },
              { kind: 'flag', key: 'chain.bitw.shard', value: 'ncpd' },
            ],
            next: 'end_ncpd',
          },
          { id: 'work', text: 'Any work?', next: 'work' },
          { id: 'japantown', text: 'Tell me about Japantown.', next: 'japantown' },
          bye,
        ],
      },
      {
        id: 'container',
        text: "Royce's yard is the north-west lot, and Royce sits on the container like a dragon on gold. Walk in, plant the beacon your friends gave you, walk out, tell me. If anyone kills Royce before our people move, Maelstrom scatters and the container goes with them.",
        choices: [back, bye],
      },
      {
        id: 'spare_beacon',
        text: 'Careless. Here is one from my own pocket — after this, take spares from the locker behind me.',
        effects: [{ kind: 'give_item', templateId: 'bitw_tracer_beacon', quantity: 1 }],
        choices: [bye],
      },
      {
        id: 'end_claws',
        text: 'The Claws hit the yard at dawn. Royce lived; his container did not. Sora sends his regards — and says the Claws owe you one.',
        effects: [{ kind: 'reputation', factionId: 'tyger_claws', delta: 300 }],
        choices: [back, bye],
      },
      {
        id: 'end_ncpd',
        text: 'The NCPD raided the yard with a warrant and cameras rolling. Royce walked, the container did not. Detective Ward says the precinct owes you one.',
        effects: [{ kind: 'reputation', factionId: 'city_security', delta: 300 }],
        choices: [back, bye],
      },
      {
        id: 'work',
        text: 'The Claws squeeze my clients north of the gate, and their netrunners read my mail. Both are problems I pay to have solved.',
        choices: [back, bye],
      },
      {
        id: 'japantown',
        text: 'Neon, noodles and the Tyger Claws. The Aldecaldos trade in the south-east lot; Detective Ward is the one honest badge in the precinct. Militech watches everything from its checkpoint in the west.',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'det_river',
    contactId: 'det_river',
    entries: [
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'city_security', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      { id: 'hostile', text: 'I have read your file. Keep walking.' },
      {
        id: 'greet',
        text: 'Detective River Ward, Japantown precinct. If you are here to help, good. If not, move along.',
        choices: [
          {
            id: 'trace',
            text: '[Engineering] Let me rebuild the shard’s routing table on your rig.',
            conditions: [
              { kind: 'quest', questId: 'q_bitw_ncpd', in: ['active'] },
              { kind: 'check', checkId: 'bitw_river_trace', passed: false },
            ],
            check: {
              id: 'bitw_river_trace',
              skill: 'engineering',
              difficulty: 10,
              success: 'trace_ok',
              failure: 'trace_fail',
              retry: true,
            },
          },
          { id: 'beat', text: 'How is the beat?', next: 'beat' },
          {
            id: 'inside',
            text: 'Something is eating you, Detective.',
            conditions: [{ kind: 'standing', factionId: 'city_security', atLeast: 'friendly' }],
            showLocked: true,
            next: 'inside',
          },
          bye,
        ],
      },
      {
        id: 'trace_ok',
        text: 'There it is: Watson docks, the rail yard north-east of here, then Royce. Go and confirm the rail yard — I will start on the warrant.',
        choices: [bye],
      },
      {
        id: 'trace_fail',
        text: 'Garbage in, garbage out. Take a breath and try it again.',
        choices: [back, bye],
      },
      {
        id: 'beat',
        text: 'Six Claws a day, every day, and six more tomorrow. The precinct pays a bounty for each — if you want it.',
        choices: [back, bye],
      },
      {
        id: 'inside',
        text: 'You have earned this, so listen: my captain takes Militech money to look away from their checkpoint. I cannot ask anyone inside. I am asking you.',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'sora',
    contactId: 'sora',
    entries: [
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'tyger_claws', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      { id: 'hostile', text: 'Maelstrom, cop, or just stupid? Walk away while your legs work.' },
      {
        id: 'greet',
        text: 'Sora Ishikawa. These are Claws blocks. Speak.',
        choices: [
          {
            id: 'convoy',
            text: 'Jun sent me. About the Maelstrom convoy.',
            conditions: [{ kind: 'quest', questId: 'q_bitw_claws', in: ['active'] }],
            next: 'convoy',
          },
          {
            id: 'grip',
            text: '[Body] Shake his hand like you mean it.',
            conditions: [{ kind: 'quest', questId: 'q_bitw_claws', in: ['active', 'ready'] }],
            check: {
              id: 'sora_grip',
              attribute: 'body',
              difficulty: 13,
              success: 'grip_won',
              failure: 'grip_lost',
            },
          },
          {
            id: 'stare',
            text: '[Cool 8] Hold his stare until he looks away.',
            conditions: [{ kind: 'attribute', attribute: 'cool', atLeast: 8 }],
            showLocked: true,
            next: 'stare',
          },
          bye,
        ],
      },
      {
        id: 'convoy',
        text: 'Maelstrom escorts the convoy with two heavies, west of the gate. Cut them down and bring me the nav-chip they carry.',
        choices: [back, bye],
      },
      {
        id: 'grip_won',
        text: 'He squeezes; you squeeze back harder. A slow grin. "Jun did not lie about you." He presses two trauma stims into your palm.',
        effects: [
          { kind: 'reputation', factionId: 'tyger_claws', delta: 200 },
          { kind: 'give_item', templateId: 'stim_trauma', quantity: 2 },
        ],
        choices: [back, bye],
      },
      {
        id: 'grip_lost',
        text: 'He squeezes until something pops. "Soft." The swordsmen behind him laugh. That story will travel.',
        effects: [{ kind: 'reputation', factionId: 'tyger_claws', delta: -100 }],
        choices: [back, bye],
      },
      {
        id: 'stare',
        text: 'He looks away first, and laughs. "Royce never leaves that yard — sleeps on the container like a guard dog. Whoever marks it had better be quiet."',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'rust',
    contactId: 'rust',
    entries: [
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'aldecaldos', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      { id: 'hostile', text: 'The family knows your name, and not in a good way. No trade.' },
      {
        id: 'greet',
        text: 'Rust Vega, Aldecaldos. The trading post is open — nomad prices, no corpo scrip.',
        choices: [
          { id: 'trade', text: "Let's trade.", next: 'trade' },
          {
            id: 'witness',
            text: 'Detective Ward says you saw the Militech deliveries.',
            conditions: [
              { kind: 'quest', questId: 'q_wb_dirty_money', in: ['active', 'ready'] },
              { kind: 'flag', key: 'westbrook.rust.report', absent: true },
            ],
            next: 'witness',
          },
          { id: 'clan', text: 'Tell me about the clan.', next: 'clan' },
          bye,
        ],
      },
      {
        id: 'trade',
        text: 'Look all you like. Touch, you pay.',
        effects: [{ kind: 'open_vendor' }],
        choices: [back, bye],
      },
      {
        id: 'witness',
        text: "I saw. Crates in, cash out, the captain's car parked outside. I'll say it on the record — if the family stays out of your report.",
        choices: [
          { id: 'protect', text: 'The Aldecaldos stay out of it. My word.', next: 'protected' },
          { id: 'expose', text: 'Everything goes in the report. Names included.', next: 'exposed' },
        ],
      },
      {
        id: 'protected',
        text: 'Then here it is, every date and plate. The family remembers people who keep their word.',
        effects: [
          { kind: 'set_flag', key: 'westbrook.rust.report', value: 'protected' },
          { kind: 'reputation', factionId: 'aldecaldos', delta: 200 },
        ],
        choices: [bye],
      },
      {
        id: 'exposed',
        text: 'Then you get the short version, and I get to find a new place to park. The family will hear about this.',
        effects: [
          { kind: 'set_flag', key: 'westbrook.rust.report', value: 'exposed' },
          { kind: 'reputation', factionId: 'aldecaldos', delta: -300 },
        ],
        choices: [bye],
      },
      {
        id: 'clan',
        text: 'Family first, corps never. Militech drones tail our trucks from the Badlands, and chrome plating keeps the trucks alive. Help with either and the clan remembers.',
        choices: [back, bye],
      },
    ],
  },
];

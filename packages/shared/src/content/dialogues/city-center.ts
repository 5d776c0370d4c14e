/** City Center contacts' dialogue trees (dialogue-schema.ts): Tessa, Aiko, Gideon, Celestine. */
import type { DialogueInput } from '../dialogue-schema';
import { back, bye } from './common';

export const CITY_CENTER_DIALOGUES: readonly DialogueInput[] = [
  {
    id: 'tessa',
    contactId: 'tessa',
    entries: [{ node: 'greet' }],
    nodes: [
      {
        id: 'greet',
        text: 'Tessa Vale. I fix for people on the fortieth floor and pay people on the street. Which one are you?',
        choices: [
          { id: 'work', text: 'The one who needs work.', next: 'work' },
          {
            id: 'royce',
            text: 'You heard about Royce’s yard?',
            conditions: [{ kind: 'flag', key: 'chain.bitw.done' }],
            next: 'heard',
          },
          { id: 'towers', text: 'Tell me about City Center.', next: 'towers' },
          bye,
        ],
      },
      {
        id: 'work',
        text: 'Corps pay me to keep their convoys pretty. The Animals in the south-west blocks like to make them ugly. Fast hands get paid; slow hands get a clock that ran out.',
        choices: [back, bye],
      },
      {
        id: 'heard',
        text: 'Everyone heard. Arasaka’s liaison, Aiko Watanabe, has been asking about you. Politely — which is the worrying kind.',
        choices: [back, bye],
      },
      {
        id: 'towers',
        text: 'Arasaka owns the north-east and the sky above it. Militech sells guns by the metro. The Voodoo Boys whisper in the west, and something worse waits by the Blackwall Gate.',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'aiko',
    contactId: 'aiko',
    entries: [
      { node: 'friend', conditions: [{ kind: 'flag', key: 'cc.arasaka.pardoned' }] },
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'arasaka', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      { id: 'hostile', text: 'Security has your face on file. Leave before they see it.' },
      {
        id: 'friend',
        text: 'Ah — our courier. The company remembers its friends.',
        choices: [{ id: 'business', text: 'Business, then.', next: 'greet' }, bye],
      },
      {
        id: 'greet',
        text: 'Aiko Watanabe, Arasaka community relations. How may the company help you?',
        choices: [
          {
            id: 'westbrook',
            text: 'About Westbrook…',
            conditions: [
              { kind: 'quest', questId: 'q_cc_clean_slate', in: ['active'] },
              { kind: 'check', checkId: 'aiko_courier', passed: false },
            ],
            next: 'interview',
          },
          { id: 'company', text: 'What does Arasaka want with the street?', next: 'company' },
          bye,
        ],
      },
      {
        id: 'interview',
        text: 'The beacon. The container. Royce. Tell me how a mere courier ends up in Royce’s yard.',
        choices: [
          {
            id: 'lie',
            text: '[Cool] I carried a package. I never asked what was in it.',
            check: {
              id: 'aiko_courier',
              attribute: 'cool',
              difficulty: 14,
              success: 'believed',
              failure: 'doubted',
              retry: true,
            },
          },
          {
            id: 'truth',
            text: 'I tracked your container on purpose. For money.',
            next: 'confessed',
          },
          { id: 'later', text: 'Not now.', next: 'greet' },
        ],
      },
      {
        id: 'believed',
        text: 'Your pulse never moved. Fine: a courier. Now be a useful one — the Voodoo Boys are sniffing at our relays.',
        choices: [bye],
      },
      {
        id: 'doubted',
        text: 'Your voice moved. Try again — carefully.',
        choices: [back, bye],
      },
      {
        id: 'confessed',
        text: 'Honesty. How rare, and how useless to me. We are done — and the company will remember this too.',
        effects: [
          {
            kind: 'fail_quest',
            questId: 'q_cc_clean_slate',
            reason: 'You confessed to tracking Arasaka property.',
          },
          { kind: 'reputation', factionId: 'arasaka', delta: -500 },
        ],
        choices: [bye],
      },
      {
        id: 'company',
        text: 'Order. Safety. Investment. The street calls it control — the street also calls us when the Animals come. Help us, and we help you.',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'gideon',
    contactId: 'gideon',
    entries: [
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'militech', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      { id: 'hostile', text: 'Militech has you flagged. No sale, and I never saw you.' },
      {
        id: 'greet',
        text: 'Gideon Marsh, Militech surplus. Everything here fell off a very large truck.',
        choices: [
          { id: 'trade', text: 'Show me the hardware.', next: 'trade' },
          {
            id: 'sample',
            text: '[Cool] A regular like me surely gets a sample?',
            conditions: [{ kind: 'level', atLeast: 30 }],
            check: {
              id: 'gideon_sample',
              attribute: 'cool',
              difficulty: 15,
              success: 'sample_ok',
              failure: 'sample_no',
            },
          },
          { id: 'war', text: 'Arasaka is your competition, right?', next: 'war' },
          bye,
        ],
      },
      {
        id: 'trade',
        text: 'Mil-spec, surplus prices. Friends of Militech see the good shelf.',
        effects: [{ kind: 'open_vendor' }],
        choices: [back, bye],
      },
      {
        id: 'sample_ok',
        text: 'Ha! Fine — one on the house. Do not tell accounting.',
        effects: [{ kind: 'give_item', templateId: 'stim_military', quantity: 1 }],
        choices: [back, bye],
      },
      {
        id: 'sample_no',
        text: 'Nice try. Prices are prices, and you are not that regular.',
        choices: [back, bye],
      },
      {
        id: 'war',
        text: '"Competition" is for the brochure. Every Arasaka guard who does not show up for work is market share. I pay for market share, weekly.',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'celestine',
    contactId: 'celestine',
    entries: [
      // siding with Arasaka (q_cc_clean_slate) closes this door
      { node: 'traitor', conditions: [{ kind: 'flag', key: 'cc.arasaka.pardoned' }] },
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'voodoo_boys', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      {
        id: 'traitor',
        text: 'You sold your file to Arasaka. The loa do not speak to company dogs.',
      },
      { id: 'hostile', text: 'Your code smells of Arasaka. Leave.' },
      {
        id: 'greet',
        text: 'The loa said a stranger would come. Speak, and we will see if they were right.',
        choices: [
          {
            id: 'runner',
            text: 'I run the Net too.',
            conditions: [{ kind: 'class', classes: ['netrunner'] }],
            next: 'runner',
          },
          {
            id: 'relay',
            text: 'Where is the Arasaka relay?',
            conditions: [{ kind: 'quest', questId: 'q_cc_ice_harvest', in: ['active'] }],
            next: 'relay',
          },
          {
            id: 'read',
            text: '[Quickhacking] Let me read the ICE with you.',
            conditions: [
              { kind: 'quest', questId: 'q_cc_ice_harvest', in: ['completed'] },
              { kind: 'check', checkId: 'celestine_ice', passed: false },
            ],
            check: {
              id: 'celestine_ice',
              skill: 'hacking',
              difficulty: 16,
              success: 'ice_read',
              failure: 'ice_burn',
              retry: true,
            },
          },
          {
            id: 'door',
            text: 'What did the ICE show us?',
            conditions: [{ kind: 'check', checkId: 'celestine_ice', passed: true }],
            next: 'door',
          },
          {
            id: 'blackwall',
            text: '[Intelligence 9] What lies beyond the Blackwall?',
            conditions: [{ kind: 'attribute', attribute: 'intelligence', atLeast: 9 }],
            showLocked: true,
            next: 'blackwall',
          },
          bye,
        ],
      },
      {
        id: 'runner',
        text: 'Then you have felt it — the cold behind the cold. Careful, runner. The Net remembers faces.',
        choices: [back, bye],
      },
      {
        id: 'relay',
        text: 'East of the metro, by the yard where Arasaka keeps its drones. The cabinet opens to those who break its watchers. Bring four samples — and leave my people be.',
        choices: [back, bye],
      },
      {
        id: 'ice_read',
        text: 'Yes… you see it too. A door, and a hand on the other side. The loa smile on you, runner.',
        effects: [{ kind: 'reputation', factionId: 'voodoo_boys', delta: 300 }],
        choices: [back, bye],
      },
      {
        id: 'ice_burn',
        text: 'The ICE bites and your nose bleeds. Rest. Try again when your hands stop shaking.',
        choices: [back, bye],
      },
      {
        id: 'door',
        text: 'A door in the Blackwall, and a man by the gate who walked too close to it. When you are strong enough, free him.',
        choices: [back, bye],
      },
      {
        id: 'blackwall',
        text: 'Old AIs, older hungers. Netwatch built a wall and calls it safety. We call it a cage — and every cage has a door.',
        choices: [back, bye],
      },
    ],
  },
];

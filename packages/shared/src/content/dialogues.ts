/**
 * Dialogue trees (dialogue-schema.ts), one per contact. Quest offers and turn-ins
 * are listed by the dialogue window itself; trees carry the talk around them:
 * branches, skill checks, choices with consequences.
 */
import { z } from 'zod';
import { DialogueSchema, type Dialogue, type DialogueInput } from './dialogue-schema';

const bye = { id: 'bye', text: 'Later.', next: 'end' } as const;
const back = { id: 'back', text: 'Something else…', next: 'greet' } as const;

export const DIALOGUE_INPUTS: readonly DialogueInput[] = [
  {
    id: 'regina',
    contactId: 'regina',
    entries: [{ node: 'greet' }],
    nodes: [
      {
        id: 'greet',
        text: 'Regina Jones. I move gigs through Watson — the clean ones and the other ones. What do you need?',
        choices: [
          {
            id: 'prove',
            text: 'Give me a gig. Nothing rattles me.',
            conditions: [
              { kind: 'quest', questId: 'q_street_cred', in: ['active'] },
              { kind: 'check', checkId: 'regina_cred', passed: false },
            ],
            check: {
              id: 'regina_cred',
              attribute: 'cool',
              difficulty: 8,
              success: 'cred_ok',
              failure: 'cred_fail',
              retry: true,
            },
          },
          { id: 'who', text: 'Who are you, exactly?', next: 'about' },
          bye,
        ],
      },
      {
        id: 'cred_ok',
        text: "Steady hands, steady voice. You'll do. Go say hi to Dex — he's propping up the bar by Lizzie's.",
        choices: [back, bye],
      },
      {
        id: 'cred_fail',
        text: "You're sweating, choom. Take a breath and try me again when you've found your nerve.",
        choices: [back, bye],
      },
      {
        id: 'about',
        text: 'A fixer. Corps, gangs, cops — everyone needs something moved, found or made to disappear. I make sure the right merc does it.',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'dex',
    contactId: 'dex',
    entries: [{ node: 'greet' }],
    nodes: [
      {
        id: 'greet',
        text: "Dexter DeShawn. Big jobs, big money. Regina sends me her best — let's see if you're one of them.",
        choices: [
          {
            id: 'container',
            text: 'What do you know about the missing container?',
            conditions: [{ kind: 'quest', questId: 'q_bitw_rumor', in: ['active'] }],
            next: 'container',
          },
          bye,
        ],
      },
      {
        id: 'container',
        text: 'Only that the Claws know more. Jun Nakamura does their talking, over by the pachinko parlor.',
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'vik',
    contactId: 'vik',
    entries: [{ node: 'greet' }],
    nodes: [
      {
        id: 'greet',
        text: 'Viktor Vektor. Sit down before you fall down. Need chrome, stims, or just patching up?',
        choices: [{ id: 'trade', text: 'Show me what you have.', next: 'trade' }, bye],
      },
      {
        id: 'trade',
        text: 'Take a look. Fair prices for friends of the clinic.',
        effects: [{ kind: 'open_vendor' }],
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'koji',
    contactId: 'koji',
    entries: [{ node: 'greet' }],
    nodes: [
      {
        id: 'greet',
        text: 'Irasshai! Noodles, cola, something to keep you standing. Cash only.',
        choices: [{ id: 'trade', text: "What's cooking?", next: 'trade' }, bye],
      },
      {
        id: 'trade',
        text: 'Everything fresh. Well — fresh enough.',
        effects: [{ kind: 'open_vendor' }],
        choices: [back, bye],
      },
    ],
  },
  {
    id: 'sgt_han',
    contactId: 'sgt_han',
    entries: [
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'city_security', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      {
        id: 'hostile',
        text: 'You have a record longer than Kabuki Boulevard. Walk away before I remember it.',
      },
      {
        id: 'greet',
        text: 'Sergeant Han, NCPD. The precinct pays bounties on Watson scum. Interested?',
        choices: [bye],
      },
    ],
  },
  {
    id: 'jun',
    contactId: 'jun',
    entries: [
      {
        node: 'hostile',
        conditions: [{ kind: 'standing', factionId: 'tyger_claws', below: 'unfriendly' }],
      },
      { node: 'greet' },
    ],
    nodes: [
      {
        id: 'hostile',
        text: 'You have Claws blood on your boots. Leave, while you still can.',
      },
      {
        id: 'greet',
        text: 'Jun Nakamura. I speak for the Tyger Claws in Watson. Speak carefully.',
        choices: [
          {
            id: 'ask',
            text: 'Word is the Claws know where the Arasaka container went.',
            conditions: [
              { kind: 'quest', questId: 'q_bitw_rumor', in: ['active'] },
              { kind: 'flag', key: 'chain.bitw.jun_talked', absent: true },
            ],
            next: 'ask',
          },
          bye,
        ],
      },
      {
        id: 'ask',
        text: 'Maybe we do. Why would I tell a stranger?',
        choices: [
          {
            id: 'bluff',
            text: '[Cool] Because Maelstrom will have it by morning, and you know it.',
            check: {
              id: 'bitw_jun_bluff',
              attribute: 'cool',
              difficulty: 12,
              success: 'bluff_ok',
              failure: 'bluff_fail',
            },
          },
          {
            id: 'pay',
            text: '[200 €$] Because I pay for good information.',
            next: 'paid',
          },
          bye,
        ],
      },
      {
        id: 'bluff_ok',
        text: '…You are not wrong. The container sits in a Maelstrom warehouse on the docks. We want it more than they do.',
        effects: [{ kind: 'set_flag', key: 'chain.bitw.jun_talked', value: 'bluff' }],
        choices: [bye],
      },
      {
        id: 'bluff_fail',
        text: 'Nice try. Information costs. Two hundred, or you walk.',
        choices: [{ id: 'pay', text: '[200 €$] Fine. Here.', next: 'paid' }, bye],
      },
      {
        id: 'paid',
        text: 'Smart. Maelstrom has it in a warehouse on the docks. You did not hear it from me.',
        effects: [
          { kind: 'pay', eddies: 200 },
          { kind: 'set_flag', key: 'chain.bitw.jun_talked', value: 'paid' },
        ],
        choices: [bye],
      },
    ],
  },
];

export const DIALOGUES: readonly Dialogue[] = z.array(DialogueSchema).parse(DIALOGUE_INPUTS);

const BY_ID = new Map(DIALOGUES.map((d) => [d.id, d]));
export const dialogueById = (id: string): Dialogue | undefined => BY_ID.get(id);

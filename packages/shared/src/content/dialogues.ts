/**
 * Dialogue trees (dialogue-schema.ts), one per contact: Watson's here, the other
 * districts' in dialogues/*.ts. Quest offers and turn-ins are listed by the
 * dialogue window itself; trees carry the talk around them: branches, skill
 * checks, choices with consequences.
 */
import { z } from 'zod';
import { DialogueSchema, type Dialogue, type DialogueInput } from './dialogue-schema';
import { CITY_CENTER_DIALOGUES } from './dialogues/city-center';
import { back, bye } from './dialogues/common';
import { WESTBROOK_DIALOGUES } from './dialogues/westbrook';

export const DIALOGUE_INPUTS: readonly DialogueInput[] = [
  {
    id: 'regina',
    contactId: 'regina',
    entries: [
      // she brings up a burned drop (q_dead_drop failed at Koji's) once
      {
        node: 'burned',
        conditions: [
          { kind: 'quest', questId: 'q_dead_drop', in: ['failed'] },
          { kind: 'flag', key: 'watson.regina.burned', absent: true },
        ],
      },
      { node: 'greet' },
    ],
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
          {
            id: 'dead_drop',
            text: 'Got anything quieter?',
            conditions: [{ kind: 'quest', questId: 'q_dead_drop', in: ['available'] }],
            next: 'drop_offer',
          },
          {
            id: 'drop_again',
            text: 'Remind me how the drop goes.',
            conditions: [{ kind: 'quest', questId: 'q_dead_drop', in: ['active'] }],
            next: 'drop_remind',
          },
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
      {
        id: 'drop_offer',
        text: 'A drop. Northside, by the tenements. Then you tell Koji at the noodle cart that a friend who likes the rain sent you. One rule: my name never leaves your mouth.',
        choices: [
          { id: 'take', text: "I'll do it.", next: 'drop_taken' },
          { id: 'pass', text: 'Not now.', next: 'greet' },
        ],
      },
      {
        id: 'drop_taken',
        text: "Here. Sealed, so don't get curious. Northside first or Koji first, I don't care. Koji will ask who sent you: a friend who likes the rain.",
        effects: [
          { kind: 'start_quest', questId: 'q_dead_drop' },
          { kind: 'give_item', templateId: 'regina_data_drop', quantity: 1 },
        ],
        choices: [bye],
      },
      {
        id: 'drop_remind',
        text: 'Leave the drop in Northside. Tell Koji a friend who likes the rain sent you. Not my name. Never my name.',
        choices: [back, bye],
      },
      {
        id: 'burned',
        text: 'You said my name at a noodle cart. Half of Watson heard it. I still have gigs — just not the quiet ones.',
        effects: [{ kind: 'set_flag', key: 'watson.regina.burned', value: 'true' }],
        choices: [{ id: 'sorry', text: 'It will not happen again.', next: 'greet' }, bye],
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
          {
            id: 'warehouse',
            text: 'Where exactly is that warehouse?',
            conditions: [{ kind: 'quest', questId: 'q_bitw_warehouse', in: ['active'] }],
            next: 'warehouse',
          },
          {
            id: 'shard_wait',
            text: 'About the shard…',
            conditions: [
              { kind: 'quest', questId: 'q_bitw_decision', in: ['active'] },
              { kind: 'flag', key: 'chain.bitw.decrypted', absent: true },
            ],
            next: 'shard_wait',
          },
          {
            id: 'decide',
            text: 'The shard is open. Let’s talk about who gets the route.',
            conditions: [
              { kind: 'quest', questId: 'q_bitw_decision', in: ['active'] },
              { kind: 'flag', key: 'chain.bitw.decrypted' },
              { kind: 'flag', key: 'chain.bitw.shard', absent: true },
            ],
            next: 'decide',
          },
          {
            id: 'after',
            text: 'The container is marked.',
            conditions: [{ kind: 'flag', key: 'chain.bitw.done' }],
            next: 'after',
          },
          bye,
        ],
      },
      {
        id: 'container',
        text: 'Only that the Claws know more. Jun Nakamura does their talking, over by the pachinko parlor.',
        choices: [back, bye],
      },
      {
        id: 'warehouse',
        text: 'Dock Warehouse, north-east, past the bank. The container stands just south of it with Maelstrom all around. Loud or quiet — just bring me what is in its lock.',
        choices: [back, bye],
      },
      {
        id: 'shard_wait',
        text: 'Viktor first. A shard nobody can read is a paperweight — and paperweights do not sell.',
        choices: [back, bye],
      },
      {
        id: 'decide',
        text: "Docks, a rail yard in Westbrook, and the last stop: Royce's yard. So who gets it? Jun and the Claws pay, and they will hit the yard hard. Han wants it for the NCPD — slower, cleaner, and cops remember favours.",
        choices: [
          { id: 'claws', text: 'The Claws. They gave us the first lead.', next: 'chose_claws' },
          { id: 'ncpd', text: 'Han. Let the law take Royce.', next: 'chose_ncpd' },
          { id: 'wait', text: 'Let me think about it.', next: 'greet' },
        ],
      },
      {
        id: 'chose_claws',
        text: 'Claws it is. Jun will be happy; Han will not forget. Jun tells you where to go next — Japantown, I would bet.',
        effects: [
          { kind: 'set_flag', key: 'chain.bitw.shard', value: 'claws' },
          { kind: 'reputation', factionId: 'tyger_claws', delta: 400 },
          { kind: 'reputation', factionId: 'city_security', delta: -200 },
        ],
        choices: [bye],
      },
      {
        id: 'chose_ncpd',
        text: 'The law, then. Han owes us now; the Claws will sulk. Han will point you at his people in Westbrook.',
        effects: [
          { kind: 'set_flag', key: 'chain.bitw.shard', value: 'ncpd' },
          { kind: 'reputation', factionId: 'city_security', delta: 400 },
          { kind: 'reputation', factionId: 'tyger_claws', delta: -200 },
        ],
        choices: [bye],
      },
      {
        id: 'after',
        text: 'Heard it from three people before you walked in. From a Watson bar to Royce’s back yard — I knew you were one of the good ones.',
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
        choices: [
          { id: 'trade', text: 'Show me what you have.', next: 'trade' },
          {
            id: 'shard',
            text: 'Dex sent a shard. Can you read it?',
            conditions: [
              { kind: 'quest', questId: 'q_bitw_decision', in: ['active'] },
              { kind: 'flag', key: 'chain.bitw.decrypted', absent: true },
            ],
            next: 'shard',
          },
          bye,
        ],
      },
      {
        id: 'trade',
        text: 'Take a look. Fair prices for friends of the clinic.',
        effects: [{ kind: 'open_vendor' }],
        choices: [back, bye],
      },
      {
        id: 'shard',
        text: 'Arasaka military ICE. I can crack it — two hundred fifty for my time. Or you try your own deck. One try only: ICE like this fries itself after a bad breach.',
        choices: [
          {
            id: 'crack',
            text: '[Quickhacking] Let me try my deck on it.',
            check: {
              id: 'bitw_vik_crack',
              skill: 'hacking',
              difficulty: 10,
              success: 'crack_ok',
              failure: 'crack_fail',
            },
          },
          { id: 'pay', text: '[250 €$] You do it, Doc.', next: 'vik_paid' },
          back,
        ],
      },
      {
        id: 'crack_ok',
        text: 'Clean breach — you did not even wake it. Routing log: Watson docks, a rail yard in Westbrook, last stop Royce’s yard. Tell Dex.',
        effects: [
          { kind: 'set_flag', key: 'chain.bitw.decrypted', value: 'self' },
          { kind: 'reputation', factionId: 'fixers', delta: 100 },
        ],
        choices: [bye],
      },
      {
        id: 'crack_fail',
        text: 'It bit back. Half the sectors are slag now. I can still pull the route out of what is left — two hundred fifty, and that is the friends price.',
        choices: [{ id: 'pay', text: '[250 €$] Fine. Save it.', next: 'vik_paid' }, back],
      },
      {
        id: 'vik_paid',
        text: 'There. Watson docks, a rail yard in Westbrook, then Royce’s yard. Tell Dex — and tell him he owes me a drink.',
        effects: [
          { kind: 'pay', eddies: 250 },
          { kind: 'set_flag', key: 'chain.bitw.decrypted', value: 'vik' },
        ],
        choices: [bye],
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
        choices: [
          { id: 'trade', text: "What's cooking?", next: 'trade' },
          {
            id: 'sent',
            text: 'I was told to find you.',
            conditions: [
              { kind: 'quest', questId: 'q_dead_drop', in: ['active'] },
              { kind: 'flag', key: 'watson.deaddrop.koji', absent: true },
            ],
            next: 'who_sent',
          },
          bye,
        ],
      },
      {
        id: 'trade',
        text: 'Everything fresh. Well — fresh enough.',
        effects: [{ kind: 'open_vendor' }],
        choices: [back, bye],
      },
      {
        id: 'who_sent',
        text: 'Koji keeps stirring the pot and does not look up. "Who sends you?"',
        choices: [
          { id: 'rain', text: 'A friend who likes the rain.', next: 'drop_ok' },
          { id: 'regina', text: 'Regina Jones sent me.', next: 'drop_burned' },
          { id: 'leave', text: 'Nobody. Forget it.', next: 'end' },
        ],
      },
      {
        id: 'drop_ok',
        text: 'Koji nods once. "Rain is good for noodles." He does not look at you again.',
        effects: [{ kind: 'set_flag', key: 'watson.deaddrop.koji', value: 'true' }],
        choices: [bye],
      },
      {
        id: 'drop_burned',
        text: 'The ladle stops. "No names at my cart." Somewhere behind the stall a phone buzzes once. The drop is dead.',
        effects: [
          {
            kind: 'fail_quest',
            questId: 'q_dead_drop',
            reason: "You said Regina's name out loud.",
          },
        ],
        choices: [bye],
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
      { node: 'cold', conditions: [{ kind: 'flag', key: 'chain.bitw.shard', value: 'claws' }] },
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
        choices: [
          {
            id: 'case',
            text: 'Anything bigger than scavengers?',
            conditions: [
              { kind: 'quest', questId: 'q_scavenger_sweep', in: ['completed'] },
              { kind: 'flag', key: 'watson.han.case_file', absent: true },
            ],
            next: 'case_file',
          },
          {
            id: 'route',
            text: 'Dex says you want the container route.',
            conditions: [
              { kind: 'flag', key: 'chain.bitw.shard', value: 'ncpd' },
              { kind: 'quest', questId: 'q_bitw_ncpd', in: ['available', 'active'] },
            ],
            next: 'route',
          },
          bye,
        ],
      },
      {
        id: 'cold',
        text: "You sold Dex's route to the Claws. I don't forget who helps the Claws.",
        choices: [{ id: 'business', text: 'Business is business.', next: 'greet' }, bye],
      },
      {
        id: 'case_file',
        text: 'Cyberpsycho nesting somewhere in Watson, and MaxTac is a week out. Here is the psych profile. Tell me where it holes up and the job is yours.',
        choices: [
          {
            id: 'read',
            text: '[Intelligence] Let me read it.',
            check: {
              id: 'han_profile',
              attribute: 'intelligence',
              difficulty: 12,
              success: 'case_ok',
              failure: 'case_fail',
              retry: true,
            },
          },
          back,
        ],
      },
      {
        id: 'case_ok',
        text: 'The substation yard in the south-east corner. That is what I got too. I have a job for you.',
        effects: [{ kind: 'set_flag', key: 'watson.han.case_file', value: 'true' }],
        choices: [back, bye],
      },
      {
        id: 'case_fail',
        text: 'That is a laundromat. Read it again — slower.',
        choices: [back, bye],
      },
      {
        id: 'route',
        text: 'The badge thanks you. Detective River Ward runs the Japantown precinct in Westbrook; he can turn that shard into a warrant. Take the metro, find him by the gate.',
        choices: [back, bye],
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
      { node: 'snitch', conditions: [{ kind: 'flag', key: 'chain.bitw.shard', value: 'ncpd' }] },
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
          {
            id: 'route',
            text: 'Dex says the Claws get the route.',
            conditions: [
              { kind: 'flag', key: 'chain.bitw.shard', value: 'claws' },
              { kind: 'quest', questId: 'q_bitw_claws', in: ['available', 'active'] },
            ],
            next: 'route',
          },
          {
            id: 'yard',
            text: 'The container in Royce’s yard is marked.',
            conditions: [
              { kind: 'flag', key: 'chain.bitw.done' },
              { kind: 'flag', key: 'chain.bitw.shard', value: 'claws' },
            ],
            next: 'thanks',
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
      {
        id: 'route',
        text: 'Then you ride with us. Sora Ishikawa runs our Japantown blocks in Westbrook — take the metro and find him north of the gate.',
        choices: [bye],
      },
      {
        id: 'thanks',
        text: 'The Claws took what Royce was sitting on, and Royce knows who marked it. Wear that like a medal. The family is grateful.',
        effects: [{ kind: 'reputation', factionId: 'tyger_claws', delta: 250 }],
        choices: [bye],
      },
      {
        id: 'snitch',
        text: 'You gave the route to the NCPD. The Claws remember who talks to cops. Say what you came to say, and go.',
        choices: [{ id: 'business', text: 'Business, then.', next: 'greet' }, bye],
      },
    ],
  },
  // Westbrook and City Center: dialogues/*.ts
  ...WESTBROOK_DIALOGUES,
  ...CITY_CENTER_DIALOGUES,
];

export const DIALOGUES: readonly Dialogue[] = z.array(DialogueSchema).parse(DIALOGUE_INPUTS);

const BY_ID = new Map(DIALOGUES.map((d) => [d.id, d]));
export const dialogueById = (id: string): Dialogue | undefined => BY_ID.get(id);

/**
 * The welcome quest: the first ten minutes of a new character, given at creation
 * (quest-schema `givenAtCreation`), never offered again. Regina, a step from the
 * Watson start, walks a newcomer through moving, a first fight, looting, the chat
 * and a party, then pays a small fixed reward at the turn-in. The hint panel and the
 * map's guide arrow per objective: content/tutorial.ts.
 */
import { WELCOME_QUEST_ID } from '../loot-tables';
import type { QuestInput } from '../quest-schema';

export const WELCOME_QUESTS: readonly QuestInput[] = [
  {
    id: WELCOME_QUEST_ID,
    title: 'Welcome to Night City',
    summary: 'Learn the streets from Regina: move, fight, loot, talk, team up.',
    description:
      "Fresh off the bus, huh? Night City eats tourists. Stick with me ten minutes and you'll at least know which end of the gun to hold. Walk to the edge of the plaza, drop one of the Claws punks loitering there, take what he drops, say hi to the city and find yourself a crew. Then come back and I'll pay you for your trouble.",
    completion:
      "Not bad for a first day. You walk, you shoot, you loot, you talk. That's most of the job. The rest you learn by bleeding.",
    zoneId: 'watson',
    level: 1,
    giverId: 'regina',
    turnInId: 'regina',
    givenAtCreation: true,
    retryable: false,
    objectives: [
      {
        id: 'walk',
        kind: 'reach',
        label: 'Walk to the edge of the plaza',
        zoneId: 'watson',
        areaId: 'plaza_edge',
      },
      {
        id: 'fight',
        kind: 'kill',
        label: 'Drop a Tyger Claws punk',
        npcTemplateIds: ['tyger_claws_punk'],
        count: 1,
        requires: ['walk'],
      },
      {
        id: 'loot',
        kind: 'collect',
        label: "Pick up the punk's gang tag",
        itemTemplateId: 'welcome_gang_tag',
        count: 1,
        requires: ['fight'],
      },
      {
        id: 'chat',
        kind: 'action',
        label: 'Say something in the chat',
        action: 'chat',
        requires: ['loot'],
      },
      {
        id: 'party',
        kind: 'action',
        label: 'Invite someone to a party (or open the party window)',
        action: 'party',
        requires: ['chat'],
      },
    ],
    rewards: {
      xp: 100,
      eddies: 30,
      items: [{ templateId: 'stim_basic', quantity: 2 }],
    },
  },
];

import { describe, expect, expectTypeOf, it } from 'vitest';
import { sampleWelcome } from '../testing/sample-welcome';
import type { ServerToClientEvents } from './contracts';
import type { PushEvent, PushMsg } from './pushes';
import {
  SERVER_EVENTS,
  SERVER_EVENT_SCHEMAS,
  type ServerEvent,
  type ServerEventMsg,
} from './server-events';

// One sample of every server event with a JSON payload, optional fields included. The
// type makes it complete: an event added to ServerToClientEvents without a sample here
// (or a sample for one that is gone) fails to compile, so the runtime checks below walk
// every event of the contract.
const SAMPLES: { [E in PushEvent]: PushMsg<E> } = {
  'zone:welcome': sampleWelcome(),
  'session:kicked': { reason: 'takeover', message: 'Signed in elsewhere.' },
  'char:stats': {
    speed: 5,
    maxHealth: 100,
    health: 80,
    level: 3,
    weight: 12.5,
    carryWeight: 40,
    weapon: null,
  },
  'progress:xp': { xpGained: 20, xp: 320, level: 3, levelsGained: 0, source: 'Punk' },
  'quest:update': {
    questId: 'q1',
    title: 'Street Cred',
    kind: 'progress',
    objective: { id: 'o1', label: 'Punks', progress: 2, target: 5 },
    reason: 'timer',
  },
  'reputation:changed': {
    changes: [
      {
        factionId: 'f1',
        factionName: 'Tyger Claws',
        delta: -10,
        standing: 90,
        tier: 'neutral',
        tierChanged: false,
      },
    ],
    source: 'Tyger Claws Punk killed',
  },
  'zone:area': { areaId: 'a1', name: 'Market' },
  'chat:message': {
    id: 'm1',
    channel: 'whisper',
    fromId: 'c1',
    from: 'Kira',
    to: 'Vik',
    toId: 'c2',
    text: 'look: [Pistol]',
    at: 1_000,
    links: [
      {
        itemId: 'i1',
        templateId: 'pistol_basic',
        name: 'Pistol',
        rarity: 'rare',
        quantity: 1,
        durability: 10,
        maxDurability: 20,
      },
    ],
  },
  'chat:history': { messages: [{ id: 'm0', channel: 'system', text: 'Welcome', at: 0 }] },
  'friend:presence': { id: 'c2', name: 'Vik', status: 'afk', zoneId: null },
  'party:invited': { inviteId: 'pi1', fromId: 'c2', from: 'Vik', expiresAt: 5_000 },
  'party:update': {
    party: {
      id: 'p1',
      leaderId: 'c1',
      lootMode: 'need_greed',
      lootThreshold: 'uncommon',
      members: [{ id: 'c1', name: 'Kira', level: 3, class: 'solo', zoneId: 'watson' }],
    },
  },
  'party:vitals': {
    members: [
      {
        id: 'c1',
        level: 3,
        health: 80,
        maxHealth: 100,
        dead: false,
        zoneId: 'watson',
        x: 1.5,
        y: 2,
      },
    ],
  },
  'loot:roll_start': {
    dropId: 'd1',
    templateId: 'pistol_basic',
    name: 'Pistol',
    rarity: 'rare',
    quantity: 1,
    expiresAt: 9_000,
  },
  'loot:roll_result': {
    dropId: 'd1',
    name: 'Pistol',
    winnerId: 'c1',
    winner: 'Kira',
    rolls: [
      { characterId: 'c1', name: 'Kira', choice: 'need', roll: 77 },
      { characterId: 'c2', name: 'Vik', choice: null, roll: null },
    ],
  },
  'loot:assign_start': { dropId: 'd1', name: 'Pistol', rarity: 'epic' },
  'notification:new': { id: 'n1', kind: 'mail_arrived', title: 'Mail', body: 'From Vik', at: 3 },
  'contract:progress': { contractId: 'k1', progress: 2, quantity: 5 },
  'loot:given': { dropId: 'd1', name: 'Pistol', from: 'Kira' },
  'guild:invited': {
    inviteId: 'gi1',
    guildId: 'g1',
    guildName: 'Nomads',
    guildTag: 'NMD',
    fromId: 'c2',
    from: 'Vik',
    expiresAt: 1_000,
  },
  'guild:update': { guildId: null },
  'instance:transfer': { direction: 'leave', kind: 'arena', zoneName: 'Watson', reason: 'left' },
  'arena:state': {
    matchId: 'mt1',
    bracket: '1v1',
    phase: 'fighting',
    phaseLeftMs: 60_000,
    you: 0,
    teams: [
      [
        {
          characterId: 'c1',
          eid: null,
          name: 'Kira',
          health: 100,
          maxHealth: 100,
          dead: false,
          damage: 0,
          kills: 0,
        },
      ],
    ],
  },
  'arena:result': {
    matchId: 'mt1',
    bracket: '3v3',
    winner: null,
    by: 'timer',
    you: 1,
    ratings: [{ characterId: 'c1', name: 'Kira', team: 1, before: 1500, after: 1500 }],
    returnInMs: 10_000,
  },
  'instance:cleared': {
    matchId: 'mt2',
    kind: 'raid',
    templateId: 'r1',
    name: 'Arasaka Tower',
    closeInMs: 60_000,
  },
  'instance:roster': {
    matchId: 'mt2',
    event: 'left',
    characterId: 'c2',
    name: 'Vik',
    role: 'tank',
    searching: true,
  },
  'match:found': {
    matchId: 'mt3',
    queue: 'dungeon',
    kind: 'dungeon',
    bracket: null,
    teams: [[{ characterId: 'c1', name: 'Kira', level: 3, role: 'damage' }]],
    backfill: true,
    deadline: 20_000,
    remainingMs: 15_000,
  },
  'match:status': {
    reason: 'queued',
    status: {
      state: 'queued',
      queue: 'arena_3v3',
      enqueuedAt: 1,
      waitedMs: 2,
      estimatedWaitMs: null,
      memberIds: ['c1'],
    },
    penaltyMs: null,
    message: 'Queued.',
  },
  'trade:requested': { tradeId: 't1', from: { characterId: 'c2', name: 'Vik' }, expiresAt: 9 },
  'trade:update': {
    id: 't1',
    state: 'cancelled',
    version: 3,
    me: 'a',
    a: {
      characterId: 'c1',
      name: 'Kira',
      eddies: 10,
      accepted: true,
      items: [{ itemId: 'i1', templateId: 'pistol_basic', quantity: 1, durability: null }],
    },
    b: { characterId: 'c2', name: 'Vik', eddies: 0, accepted: false, items: [] },
    acceptableAt: 0,
    expiresAt: 100,
    closedAt: 90,
    closeReason: 'out_of_range',
  },
};

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('SERVER_EVENT_SCHEMAS', () => {
  it('covers every server event but the binary snapshot, with the contract’s payload type', () => {
    expectTypeOf<ServerEvent>().toEqualTypeOf<
      Exclude<keyof ServerToClientEvents, 'zone:snapshot'>
    >();
    // each schema parses to exactly the type the contract (and the sim's emits) use
    expectTypeOf<{ [E in ServerEvent]: Equal<ServerEventMsg<E>, PushMsg<E>> }>().toEqualTypeOf<{
      [E in ServerEvent]: true;
    }>();
  });

  it('has a schema for every event of the contract, and none besides', () => {
    expect([...SERVER_EVENTS].sort()).toEqual(Object.keys(SAMPLES).sort());
    expect(SERVER_EVENTS).not.toContain('zone:snapshot');
    for (const e of SERVER_EVENTS) expect(SERVER_EVENT_SCHEMAS[e], e).toBeDefined();
  });

  it.each(SERVER_EVENTS)('%s: a message as the sim sends it parses whole', (e) => {
    const parsed = SERVER_EVENT_SCHEMAS[e].safeParse(SAMPLES[e]);
    expect(parsed.error, e).toBeUndefined();
    // nothing the type carries is stripped: the schema knows every field
    expect(parsed.data).toEqual(SAMPLES[e]);
  });

  it.each(SERVER_EVENTS)('%s: nothing, a string or an empty object is refused', (e) => {
    for (const bad of [undefined, null, 'x', 42, {}, []])
      expect(SERVER_EVENT_SCHEMAS[e].safeParse(bad).success, `${e} ${JSON.stringify(bad)}`).toBe(
        false,
      );
  });

  it('refuses a wrong field (an unknown enum value, a wrong type, an impossible count)', () => {
    const refused = (e: ServerEvent, msg: unknown) =>
      expect(SERVER_EVENT_SCHEMAS[e].safeParse(msg).success, e).toBe(false);
    refused('friend:presence', { ...SAMPLES['friend:presence'], status: 'away' });
    refused('instance:transfer', { ...SAMPLES['instance:transfer'], kind: 'casino' });
    refused('instance:roster', { ...SAMPLES['instance:roster'], role: 'healer' });
    refused('arena:state', { ...SAMPLES['arena:state'], teams: [[{ name: 'x' }]] });
    refused('arena:result', { ...SAMPLES['arena:result'], by: 'luck' });
    refused('guild:update', { guildId: 3 });
    refused('notification:new', { ...SAMPLES['notification:new'], at: '5' });
    refused('match:status', { ...SAMPLES['match:status'], status: { state: 'lost' } });
    refused('contract:progress', { contractId: 'k1', progress: 6, quantity: 5 });
    refused('contract:progress', { contractId: 'k1', progress: -1, quantity: 5 });
    refused('contract:progress', { contractId: '', progress: 1, quantity: 5 });
    refused('contract:progress', { contractId: 'k1', progress: 1.5, quantity: 5 });
  });

  it('keeps a message whose unknown extra fields it drops (a newer sim may add some)', () => {
    const parsed = SERVER_EVENT_SCHEMAS['zone:area'].parse({ areaId: 'a1', name: 'M', extra: 1 });
    expect(parsed).toEqual({ areaId: 'a1', name: 'M' });
  });
});

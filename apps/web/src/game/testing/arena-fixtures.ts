/**
 * Fixed arena messages — a 3v3 in each phase, results, transfers — for the unit
 * tests and the HUD preview (scripts/arena-preview.ts) while no sim drives the
 * arena end to end. The player is 'c-vex' (eid 1) on team 0.
 */
import {
  ARENA_MATCH_MS,
  INSTANCE_TEMPLATES,
  instanceContent,
  type ArenaMemberState,
  type ArenaResultMsg,
  type ArenaStateMsg,
  type InstanceTransferMsg,
  type SnapshotMsg,
  type WelcomeMsg,
  toCm,
} from '@necp/shared';

export const FIXTURE_SELF_ID = 'c-vex';
export const FIXTURE_MATCH_ID = '7c1f0b6e-2d7a-4f5e-9a51-3f1c2b8d9e01';
export const fixtureArenaZone = () => instanceContent(INSTANCE_TEMPLATES[0]!, FIXTURE_MATCH_ID);

const member = (
  characterId: string,
  eid: number | null,
  name: string,
  health: number,
  maxHealth: number,
  p: Partial<ArenaMemberState> = {},
): ArenaMemberState => ({
  characterId,
  eid,
  name,
  health,
  maxHealth,
  dead: false,
  damage: 0,
  kills: 0,
  ...p,
});

/** Both teams at full health, one enemy still on the way (eid null). */
export function arenaWaiting(): ArenaStateMsg {
  return {
    matchId: FIXTURE_MATCH_ID,
    bracket: '3v3',
    phase: 'waiting',
    phaseLeftMs: 21_400,
    you: 0,
    teams: [
      [
        member(FIXTURE_SELF_ID, 1, 'Vex', 520, 520),
        member('c-jane', 2, 'Kiroshi Jane', 480, 480),
        member('c-dex', 3, 'Dex Morrow', 610, 610),
      ],
      [
        member('c-razor', 11, 'NightCorp_Razor', 540, 540),
        member('c-hanako', 12, 'Hanako', 500, 500),
        member('c-rogue', null, 'Rogue-9', 455, 455),
      ],
    ],
  };
}

export function arenaCountdown(phaseLeftMs = 2_400): ArenaStateMsg {
  const s = arenaWaiting();
  s.teams[1]![2]!.eid = 13;
  return { ...s, phase: 'countdown', phaseLeftMs };
}

/** Mid-fight: hurt on both sides, one enemy down; `selfDead` puts the player out too. */
export function arenaFighting(
  phaseLeftMs = 161_000,
  opts: { selfDead?: boolean } = {},
): ArenaStateMsg {
  return {
    matchId: FIXTURE_MATCH_ID,
    bracket: '3v3',
    phase: 'fighting',
    phaseLeftMs,
    you: 0,
    teams: [
      [
        opts.selfDead
          ? member(FIXTURE_SELF_ID, 1, 'Vex', 0, 520, { dead: true, damage: 1840, kills: 1 })
          : member(FIXTURE_SELF_ID, 1, 'Vex', 412, 520, { damage: 1840, kills: 1 }),
        member('c-jane', 2, 'Kiroshi Jane', 480, 480, { damage: 960 }),
        member('c-dex', 3, 'Dex Morrow', 88, 610, { damage: 2210, kills: 1 }),
      ],
      [
        member('c-razor', 11, 'NightCorp_Razor', 0, 540, { dead: true, damage: 1290 }),
        member('c-hanako', 12, 'Hanako', 301, 500, {
          damage: 2030,
          kills: opts.selfDead ? 1 : 0,
        }),
        member('c-rogue', 13, 'Rogue-9', 455, 455, { damage: 400 }),
      ],
    ],
  };
}

/** The first moment of the fight ("FIGHT"). */
export const arenaFightStart = (): ArenaStateMsg => arenaFighting(ARENA_MATCH_MS - 100);

export function arenaVictory(): ArenaResultMsg {
  return {
    matchId: FIXTURE_MATCH_ID,
    bracket: '3v3',
    winner: 0,
    by: 'defeat',
    you: 0,
    returnInMs: 8_000,
    ratings: [
      { characterId: 'c-razor', name: 'NightCorp_Razor', team: 1, before: 1540.2, after: 1521.7 },
      { characterId: FIXTURE_SELF_ID, name: 'Vex', team: 0, before: 1512.4, after: 1531.1 },
      { characterId: 'c-jane', name: 'Kiroshi Jane', team: 0, before: 1498, after: 1517.3 },
      { characterId: 'c-dex', name: 'Dex Morrow', team: 0, before: 1601.9, after: 1614.2 },
      { characterId: 'c-hanako', name: 'Hanako', team: 1, before: 1575, after: 1559.6 },
      { characterId: 'c-rogue', name: 'Rogue-9', team: 1, before: 1433, after: 1433.2 },
    ],
  };
}

/** A 1v1 lost on the timer. */
export function arenaDefeat(): ArenaResultMsg {
  return {
    matchId: FIXTURE_MATCH_ID,
    bracket: '1v1',
    winner: 1,
    by: 'timer',
    you: 0,
    returnInMs: 6_000,
    ratings: [
      { characterId: FIXTURE_SELF_ID, name: 'Vex', team: 0, before: 1512, after: 1497 },
      { characterId: 'c-hanako', name: 'Hanako', team: 1, before: 1520, after: 1535 },
    ],
  };
}

export const transferEnter = (): InstanceTransferMsg => ({
  direction: 'enter',
  kind: 'arena',
  zoneName: 'Neon Pit Arena',
});

export const transferLeave = (): InstanceTransferMsg => ({
  direction: 'leave',
  kind: 'arena',
  zoneName: 'Watson',
  reason: 'finished',
});

/** Where everyone stands (metres): the player west of the holo-column, the fight around it. */
const SPOTS: Record<number, [number, number]> = {
  1: [26, 20],
  2: [23.5, 23],
  3: [27, 15.5],
  11: [31, 21.5],
  12: [30.5, 17.5],
  13: [34, 24],
};

/** The welcome into the fixture's arena: Vex (eid 1), level 12 solo; dead with `selfDead`. */
export function fixtureWelcome(selfDead = false): WelcomeMsg {
  const zone = fixtureArenaZone();
  const [x, y] = SPOTS[1]!;
  return {
    zone: {
      id: zone.id,
      name: zone.name,
      width: zone.width,
      height: zone.height,
      streets: zone.streets,
      obstacles: zone.obstacles,
      spawnPoints: zone.spawnPoints,
      areas: zone.areas,
    },
    self: {
      eid: 1,
      kind: 'player',
      name: 'Vex',
      level: 12,
      health: selfDead ? 0 : 412,
      maxHealth: 520,
      x: toCm(x),
      y: toCm(y),
      dead: selfDead,
      characterId: FIXTURE_SELF_ID,
      speed: 5,
      classId: 'solo',
      abilities: ['solo_power_shot', 'solo_defensive_stance', 'solo_crippling_shot'],
      combat: {
        resource: 60,
        maxResource: 100,
        gcd: 0,
        cd: {},
        cast: null,
        dead: selfDead ? { canRespawnIn: 0, autoRespawnIn: 0 } : null,
        inCombat: !selfDead,
      },
    },
    tick: 1,
    tickHz: 20,
    resumed: false,
    lastSeq: 0,
  };
}

/** The other five fighters entering view (Razor lies dead), as in arenaFighting(). */
export function fixtureSnapshot(): SnapshotMsg {
  const p = (eid: number, name: string, health: number, maxHealth: number, dead = false) => {
    const [x, y] = SPOTS[eid]!;
    return {
      eid,
      kind: 'player' as const,
      name,
      level: 12,
      health,
      maxHealth,
      x: toCm(x),
      y: toCm(y),
      dead,
      classId: 'solo',
    };
  };
  return {
    t: 2,
    ack: 0,
    me: [toCm(SPOTS[1]![0]), toCm(SPOTS[1]![1])],
    mv: [],
    del: [],
    add: [
      p(2, 'Kiroshi Jane', 480, 480),
      p(3, 'Dex Morrow', 88, 610),
      p(11, 'NightCorp_Razor', 0, 540, true),
      p(12, 'Hanako', 301, 500),
      p(13, 'Rogue-9', 455, 455),
    ],
  };
}

/**
 * A zone:welcome as the sim sends one, every optional field filled: the sample the
 * server-event schema tests and the web's welcome tests start from.
 */
import type { WelcomeMsg } from '../net/world-view';

export const sampleWelcome = (): WelcomeMsg => ({
  zone: {
    id: 'watson',
    name: 'Watson',
    width: 400,
    height: 300,
    streets: [{ x: 0, y: 0, w: 10, h: 300, name: 'Main' }],
    obstacles: [{ x: 20, y: 20, w: 5, h: 5 }],
    spawnPoints: [{ id: 'sp1', kind: 'npc', name: 'Alley', x: 1, y: 2 }],
    areas: [{ id: 'a1', name: 'Market', x: 50, y: 50, radius: 20 }],
  },
  self: {
    eid: 1,
    kind: 'player',
    name: 'Kira',
    level: 3,
    health: 90,
    maxHealth: 100,
    x: 1200,
    y: 3400,
    guildTag: 'NC',
    title: 'Edgerunner',
    classId: 'solo',
    origin: 'nomad',
    weapon: 'pistol_basic',
    effects: [['stim', 4000, 1]],
    characterId: 'c1',
    speed: 5,
    abilities: ['shot'],
    combat: {
      resource: 50,
      maxResource: 100,
      gcd: 0,
      cd: { shot: [500, 1500] },
      cast: { ability: 'shot', target: 2, total: 1000, left: 400 },
      dead: null,
      inCombat: true,
    },
  },
  tick: 10,
  tickHz: 20,
  resumed: false,
  lastSeq: 7,
});

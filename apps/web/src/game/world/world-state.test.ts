import { describe, expect, it } from 'vitest';
import type { EntityInfo, SnapshotMsg, WelcomeMsg } from '@necp/shared';
import { effectsNow, idleCombat, WorldState } from './world-state';

const SELF = 1;
const PUNK = 7;

const welcome = (): WelcomeMsg => ({
  zone: {
    id: 'watson',
    name: 'Watson',
    width: 512,
    height: 512,
    streets: [],
    obstacles: [{ x: 110, y: 90, w: 10, h: 20 }],
    spawnPoints: [],
    areas: [],
  },
  self: {
    eid: SELF,
    kind: 'player',
    name: 'V',
    level: 1,
    health: 100,
    maxHealth: 100,
    x: 10_000,
    y: 10_000,
    characterId: 'c1',
    speed: 6,
    classId: 'solo',
    abilities: ['solo_attack'],
    combat: idleCombat(),
  },
  tick: 100,
  tickHz: 20,
  resumed: false,
  lastSeq: 0,
});

const punk: EntityInfo = {
  eid: PUNK,
  kind: 'npc',
  name: 'Tyger Claws Punk',
  level: 2,
  health: 60,
  maxHealth: 60,
  x: 10_500,
  y: 10_000,
  templateId: 'tyger_claws_punk',
  rank: 'normal',
  disposition: 'hostile',
};

const snap = (p: Partial<SnapshotMsg> = {}): SnapshotMsg => ({
  t: 101,
  ack: 0,
  me: [10_000, 10_000],
  mv: [],
  add: [],
  del: [],
  ...p,
});

describe('WorldState combat snapshots', () => {
  it('applies health of others and of the own character', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ add: [punk] }), 10);
    w.applySnapshot(
      snap({
        t: 102,
        hp: [
          [PUNK, 48, 60],
          [SELF, 91, 100],
        ],
      }),
      60,
    );
    expect(w.others.get(PUNK)?.info.health).toBe(48);
    expect(w.stats.health).toBe(91);
    expect(w.stats.maxHealth).toBe(100);
  });

  it('takes a player described again (a new title) in place: same path, new description', () => {
    const w = new WorldState(welcome(), 0);
    const rival: EntityInfo = {
      eid: 9,
      kind: 'player',
      name: 'Rival',
      level: 3,
      health: 80,
      maxHealth: 100,
      x: 10_300,
      y: 10_000,
      classId: 'solo',
    };
    w.applySnapshot(snap({ add: [rival] }), 10);
    const buffer = w.others.get(9)?.buffer;
    w.applySnapshot(snap({ t: 102, mv: [[9, 10_350, 10_000]] }), 60);
    w.applySnapshot(snap({ t: 103, add: [{ ...rival, x: 10_400, title: 'the Connected' }] }), 110);
    const e = w.others.get(9);
    expect(e?.info.title).toBe('the Connected');
    expect(e?.buffer).toBe(buffer);
    expect(e?.buffer.latest()).toEqual({ x: 104, y: 100 });
    w.applySnapshot(snap({ t: 104, add: [{ ...rival, x: 10_400 }] }), 160);
    expect(w.others.get(9)?.info.title).toBeUndefined();
  });

  it('marks deaths and respawns, the own one included', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ add: [punk] }), 10);
    w.applySnapshot(snap({ t: 102, dead: [[PUNK, true]] }), 60);
    expect(w.others.get(PUNK)?.info.dead).toBe(true);
    w.applySnapshot(snap({ t: 103, dead: [[SELF, true]] }), 110);
    expect(w.selfDead).toBe(true);
    w.applySnapshot(snap({ t: 104, dead: [[SELF, false]] }), 160);
    expect(w.selfDead).toBe(false);
  });

  it('keeps status effects with the time they arrived, and counts them down', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ add: [punk] }), 10);
    w.applySnapshot(
      snap({
        t: 102,
        fx: [
          [PUNK, [['bleed', 6000, 1]]],
          [SELF, [['shield', 3000, 1]]],
        ],
      }),
      1000,
    );
    const e = w.others.get(PUNK)!;
    expect(effectsNow(e.info.effects ?? [], e.effectsAt, 3000)).toEqual([['bleed', 4000, 1]]);
    expect(effectsNow(w.selfEffects.list, w.selfEffects.at, 5000)).toEqual([]);
  });

  it('takes the own combat state (cooldowns, death timers) when sent', () => {
    const w = new WorldState(welcome(), 0);
    const self = {
      ...idleCombat(),
      resource: 40,
      cd: { solo_power_shot: [5000, 6000] as [number, number] },
      dead: { canRespawnIn: 5000, autoRespawnIn: 60_000 },
    };
    w.applySnapshot(snap({ self }), 500);
    expect(w.selfCombat).toEqual({ state: self, at: 500 });
    expect(w.selfDead).toBe(true);
    // a snapshot without `self` leaves it as it was
    w.applySnapshot(snap({ t: 102 }), 550);
    expect(w.selfCombat.at).toBe(500);
    expect(w.selfDead).toBe(true);
    // back alive: no death timers any more
    w.applySnapshot(snap({ t: 103, self: { ...self, dead: null } }), 600);
    expect(w.selfDead).toBe(false);
  });

  it('returns the events and tracks casts until they go off or are interrupted', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ add: [punk] }), 10);
    const ev = [{ k: 'cast' as const, src: PUNK, dst: SELF, ab: 'toxin_shot', ms: 1500 }];
    expect(w.applySnapshot(snap({ t: 102, ev }), 100)).toEqual(ev);
    expect(w.castOf(PUNK, 200)).toMatchObject({ ability: 'toxin_shot', endsAt: 1600 });
    w.applySnapshot(
      snap({ t: 103, ev: [{ k: 'hit', src: PUNK, dst: SELF, ab: 'toxin_shot', n: 5 }] }),
      1600,
    );
    expect(w.castOf(PUNK, 1600)).toBeNull();
    w.applySnapshot(snap({ t: 104, ev }), 2000);
    w.applySnapshot(snap({ t: 105, ev: [{ k: 'interrupt', src: PUNK, dst: SELF }] }), 2100);
    expect(w.castOf(PUNK, 2100)).toBeNull();
  });

  it('remembers the names of entities that left view (late log lines)', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ add: [punk] }), 10);
    w.applySnapshot(snap({ t: 102, del: [PUNK] }), 60);
    expect(w.others.has(PUNK)).toBe(false);
    expect(w.nameOf(PUNK)).toBe('Tyger Claws Punk');
    expect(w.nameOf(SELF)).toBe('V');
  });

  it('reports the tick others are drawn at', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ t: 200 }), 5000);
    expect(w.viewTick(5100)).toBe(200);
  });

  it('predicts movement into a building like the server: it stops at the wall', () => {
    const w = new WorldState(welcome(), 0);
    // walk east from (100, 100) towards the obstacle at x 110
    let inputs = 0;
    for (let i = 0; i < 40; i++) inputs += w.move([{ dx: 1, dy: 0, ms: 100 }], i * 100).length;
    expect(inputs).toBe(40);
    expect(w.predictor.pos.x).toBeCloseTo(110);
    expect(w.predictor.pos.y).toBe(100);
  });
});

const regina: EntityInfo = {
  eid: 30,
  kind: 'contact',
  name: 'Regina Jones',
  level: 0,
  health: 0,
  maxHealth: 0,
  x: 23_600,
  y: 25_200,
  templateId: 'regina',
};

describe('WorldState contacts', () => {
  it('keeps contacts apart from fighters, with title and trade from content', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(
      snap({ add: [punk, regina, { ...regina, eid: 31, name: 'Koji', templateId: 'koji' }] }),
      10,
    );
    // never in `others`: Tab, clicks-to-target and abilities only look there
    expect([...w.others.keys()]).toEqual([PUNK]);
    expect(w.contacts.get(30)).toEqual({
      eid: 30,
      contactId: 'regina',
      name: 'Regina Jones',
      title: 'Fixer',
      vendor: false,
      x: 236,
      y: 252,
    });
    expect(w.contacts.get(31)).toMatchObject({ title: 'Noodle vendor', vendor: true });
  });

  it('forgets a contact that left view and follows one that moved', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ add: [regina] }), 10);
    w.applySnapshot(snap({ t: 102, mv: [[30, 23_700, 25_200]] }), 60);
    expect(w.contacts.get(30)).toMatchObject({ x: 237, y: 252 });
    w.applySnapshot(snap({ t: 103, del: [30] }), 110);
    expect(w.contacts.size).toBe(0);
  });

  it('shows a contact this build does not know by its id, without a title', () => {
    const w = new WorldState(welcome(), 0);
    w.applySnapshot(snap({ add: [{ ...regina, name: '', templateId: 'someone_new' }] }), 10);
    expect(w.contacts.get(30)).toMatchObject({
      contactId: 'someone_new',
      name: 'someone_new',
      title: '',
      vendor: false,
    });
  });
});

describe('a second welcome (metro ride to another zone)', () => {
  it('starts a clean world at the new position, with the new zone and sequence numbers', () => {
    const first = new WorldState(welcome(), 0);
    first.applySnapshot(snap({ add: [punk, regina] }), 10);
    first.move([{ dx: 1, dy: 0, ms: 100 }], 20);
    const w2 = welcome();
    const next = new WorldState(
      {
        ...w2,
        zone: { ...w2.zone, id: 'westbrook', name: 'Westbrook', width: 768, height: 768 },
        self: { ...w2.self, eid: 3, x: 38_400, y: 67_200 },
        lastSeq: 17,
      },
      500,
    );
    expect(next.zone.id).toBe('westbrook');
    expect(next.predictor.pos).toEqual({ x: 384, y: 672 });
    expect(next.others.size + next.contacts.size + next.drops.size + next.crates.size).toBe(0);
    // inputs continue after the server's last applied sequence number
    expect(next.move([{ dx: 0, dy: 1, ms: 50 }], 520)[0]?.seq).toBe(18);
    // a snapshot for the old eids does not resurrect anything
    next.applySnapshot(snap({ me: [38_400, 67_200], ack: 18, mv: [[PUNK, 1, 1]] }), 560);
    expect(next.others.size).toBe(0);
  });
});

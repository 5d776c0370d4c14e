import { describe, expect, it } from 'vitest';
import { CLASSES, CONTACTS, NPC_TEMPLATES } from '@necp/shared';
import { figureLook } from './figure-look';
import { ACT_MS, FALL_MS, FigureMotion, RISE_MS } from './figure-motion';
import { facingOf } from './figure-sprites';

const npc = (templateId: string, rank?: 'normal' | 'elite' | 'boss') =>
  figureLook({ kind: 'npc', templateId, rank, relation: 'hostile', seed: 'x' });

describe('figure looks', () => {
  it('every class looks its own (coat, trim and kit), whoever plays it', () => {
    const looks = CLASSES.map((c) =>
      figureLook({ kind: 'player', classId: c.id, relation: 'friend', seed: 'Kira' }),
    );
    const sig = looks.map((l) => `${l.coat}/${l.trim}/${l.accessory}`);
    expect(new Set(sig).size).toBe(CLASSES.length);
    // two players of one class differ in face and hair, not in outfit
    const a = figureLook({ kind: 'player', classId: 'solo', relation: 'friend', seed: 'Kira' });
    const b = figureLook({ kind: 'player', classId: 'solo', relation: 'friend', seed: 'Jonas' });
    expect(a.coat).toBe(b.coat);
    expect(a.key === b.key).toBe(a.skin === b.skin && a.hair === b.hair);
  });

  it('shows the origin worn and the weapon in hand, each changing the drawing', () => {
    const look = (origin: string, weapon: string | null) =>
      figureLook({
        kind: 'player',
        classId: 'solo',
        relation: 'friend',
        seed: 'Kira',
        origin,
        weapon,
      });
    expect(look('nomad', 'pistol_unity')).toMatchObject({ origin: 'nomad', weapon: 'pistol' });
    expect(look('corpo', null)).toMatchObject({ origin: 'corpo', weapon: null });
    const keys = new Set(
      ['streetkid', 'nomad', 'corpo'].flatMap((o) =>
        ['pistol_unity', 'katana_satori', 'rifle_ajax', null].map((w) => look(o, w).key),
      ),
    );
    expect(keys.size).toBe(12);
    // an unknown origin or item draws nothing extra, never something wrong
    expect(look('martian', 'stim_basic')).toMatchObject({ origin: null, weapon: null });
  });

  it('each faction its own colours; drones and beasts their own bodies', () => {
    expect(npc('tyger_claws_punk').accessory).toBe('katana');
    expect(npc('maelstrom_ganger').accessory).toBe('chrome');
    expect(npc('arasaka_guard').accessory).toBe('suit');
    expect(npc('security_drone_mk1').body).toBe('drone');
    expect(npc('quantum_leviathan').body).toBe('beast');
    expect(npc('tyger_claws_punk').coat).not.toBe(npc('maelstrom_ganger').coat);
    for (const t of NPC_TEMPLATES) expect(npc(t.id).key, t.id).toContain(t.id);
  });

  it('contacts are people by what they do: fixer, ripperdoc, NCPD, vendor — never ranked', () => {
    const look = (id: string) =>
      figureLook({ kind: 'contact', templateId: id, relation: 'contact', seed: id });
    for (const c of CONTACTS) {
      const l = look(c.id);
      expect(l.key).toBe(`c:${c.id}`);
      expect([l.body, l.scale, l.glow]).toEqual(['human', 1, '#3dff8f']);
    }
    const byTitle = (re: RegExp) => look(CONTACTS.find((c) => re.test(c.title))!.id);
    const coats = [/^Fixer$/, /Ripperdoc/, /NCPD/, /vendor/].map((re) => byTitle(re).coat);
    expect(new Set(coats).size).toBe(4);
    expect(byTitle(/Ripperdoc/).accessory).toBe('medkit');
  });

  it('rank shows by size and trim, not by colour alone', () => {
    expect([npc('royce').scale, npc('royce', 'elite').scale, npc('royce', 'boss').scale]).toEqual([
      1, 1.2, 1.5,
    ]);
    expect(npc('royce', 'boss').key).not.toBe(npc('royce').key);
  });
});

describe('figure motion', () => {
  it('faces the way it walks, cycles its legs while moving, stands when it stops', () => {
    expect(facingOf(1, 0.2, 'down')).toBe('right');
    expect(facingOf(0, -1, 'down')).toBe('up');
    expect(facingOf(0, 0, 'left')).toBe('left');
    const m = new FigureMotion();
    m.beginFrame();
    expect(m.state(1, 0, 0, false, 0).phase).toBeNull();
    const walking = m.state(1, -0.3, 0, false, 16);
    expect(walking.dir).toBe('left');
    expect(walking.phase).toBeGreaterThan(0);
    // still for a while: standing, still facing left
    const still = m.state(1, -0.3, 0, false, 400);
    expect(still).toEqual({ dir: 'left', phase: null, dead: false, act: null });
    // a jump (a respawn) is not a step
    const jumped = m.state(1, 50, 50, false, 420);
    expect(jumped.phase).toBeNull();
  });

  it('strikes a pose for a moment after an act, falls as it dies, rises as it comes back', () => {
    const m = new FigureMotion();
    m.beginFrame();
    expect(m.state(2, 5, 5, false, 0, { ago: 10, act: 'attack' }).act).toBe('attack');
    expect(m.state(2, 5, 5, false, 10, { ago: ACT_MS + 1, act: 'cast' }).act).toBeNull();
    const falling = m.state(2, 5, 5, true, 1000);
    expect(falling).toMatchObject({ dead: true, fall: 0, act: null });
    expect(m.state(2, 5, 5, true, 1000 + FALL_MS / 2).fall).toBeCloseTo(0.5);
    expect(m.state(2, 5, 5, true, 1000 + FALL_MS).fall).toBeUndefined();
    // back (a respawn moves it far: no walk, a rise)
    const back = m.state(2, 90, 90, false, 5000);
    expect(back).toMatchObject({ dead: false, phase: null, rise: 0 });
    expect(m.state(2, 90, 90, false, 5000 + RISE_MS).rise).toBeUndefined();
    // one first seen dead lies there: it did not die in front of us
    expect(m.state(3, 1, 1, true, 0).fall).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { npcTemplateById, type BossBlock, type CombatEvent } from '@necp/shared';
import {
  PHASE_ANNOUNCE_MS,
  bossPhaseAt,
  instanceClearedText,
  liveAnnouncement,
  minutesSeconds,
  phaseEventView,
  phaseMarkers,
  pickBoss,
  shownPhase,
  type BossCandidate,
} from './boss-bar-view';

const phase = (belowHealth: number, announce = `below ${belowHealth}`) => ({
  belowHealth,
  announce,
  attacks: ['a'],
  windupFactor: 1,
  gapMs: 1000,
});
const THREE: BossBlock['phases'] = [phase(1), phase(0.6), phase(0.25)];
const BOSS_TPL = 'reef_warden';
const isBoss = (t: string | undefined) => t === BOSS_TPL;
const npc = (eid: number, health: number, more: Partial<BossCandidate> = {}): BossCandidate => ({
  eid,
  templateId: BOSS_TPL,
  dead: false,
  health,
  maxHealth: 1000,
  ...more,
});

describe('bossPhaseAt', () => {
  it('is the last phase whose threshold the health fell under', () => {
    expect(bossPhaseAt(THREE, 1)).toBe(0);
    expect(bossPhaseAt(THREE, 0.61)).toBe(0);
    // exactly at a threshold is not yet below it
    expect(bossPhaseAt(THREE, 0.6)).toBe(0);
    expect(bossPhaseAt(THREE, 0.59)).toBe(1);
    expect(bossPhaseAt(THREE, 0.25)).toBe(1);
    expect(bossPhaseAt(THREE, 0.1)).toBe(2);
    expect(bossPhaseAt(THREE, 0)).toBe(2);
  });

  it('reads the real Reef Warden: two phases, the second below half', () => {
    const phases = npcTemplateById('reef_warden')?.boss?.phases;
    expect(phases).toBeDefined();
    expect(bossPhaseAt(phases!, 0.8)).toBe(0);
    expect(bossPhaseAt(phases!, 0.3)).toBe(phases!.length - 1);
  });
});

describe('phaseMarkers', () => {
  it('puts a line at every threshold after the first, at below × width', () => {
    expect(phaseMarkers(THREE)).toEqual([
      { phase: 1, below: 0.6, leftPct: 60 },
      { phase: 2, below: 0.25, leftPct: 25 },
    ]);
  });
});

describe('pickBoss (the show/hide rule)', () => {
  it('shows a targeted boss even at full health', () => {
    expect(pickBoss([npc(5, 1000)], 5, isBoss)?.eid).toBe(5);
  });

  it('shows a hurt boss nobody targets, hides one at full health', () => {
    expect(pickBoss([npc(5, 999)], null, isBoss)?.eid).toBe(5);
    expect(pickBoss([npc(5, 1000)], null, isBoss)).toBeNull();
  });

  it('hides a dead boss (even targeted), and NPCs without a boss block', () => {
    expect(pickBoss([npc(5, 0, { dead: true })], 5, isBoss)).toBeNull();
    expect(pickBoss([npc(5, 400, { dead: true })], 5, isBoss)).toBeNull();
    expect(pickBoss([npc(6, 10, { templateId: 'street_punk' })], 6, isBoss)).toBeNull();
    expect(pickBoss([npc(7, 10, { templateId: undefined })], null, isBoss)).toBeNull();
  });

  it('prefers the target, else the most hurt boss', () => {
    const list = [npc(1, 900), npc(2, 300), npc(3, 1000)];
    expect(pickBoss(list, 3, isBoss)?.eid).toBe(3);
    expect(pickBoss(list, null, isBoss)?.eid).toBe(2);
    // a target that is not a boss does not hide the fight
    expect(pickBoss(list, 99, isBoss)?.eid).toBe(2);
  });

  it('hides when the boss left view', () => {
    expect(pickBoss([], 5, isBoss)).toBeNull();
  });
});

describe('shownPhase', () => {
  it('follows the sim once it announced a phase, else the health', () => {
    expect(shownPhase(THREE, npc(5, 700), null)).toBe(0);
    expect(shownPhase(THREE, npc(5, 500), null)).toBe(1);
    // the sim is the authority (e.g. the event arrived a tick before the health)
    expect(shownPhase(THREE, npc(5, 700), { eid: 5, phase: 1 })).toBe(1);
    // another boss's phase does not count
    expect(shownPhase(THREE, npc(5, 700), { eid: 6, phase: 2 })).toBe(0);
  });

  it('forgets the announced phase when the boss reset to full health', () => {
    expect(shownPhase(THREE, npc(5, 1000), { eid: 5, phase: 2 })).toBe(0);
  });

  it('ignores a phase the template does not have', () => {
    expect(shownPhase(THREE, npc(5, 100), { eid: 5, phase: 7 })).toBe(2);
  });
});

describe('phase events', () => {
  const ev = (n: number, src = 40): CombatEvent => ({ k: 'phase', src, dst: 0, n });

  it('keeps the last phase event with its announce text', () => {
    const view = phaseEventView(
      [{ k: 'hit', src: 1, dst: 40, n: 5 }, ev(1)],
      (eid) => (eid === 40 ? THREE : undefined),
      1000,
    );
    expect(view).toMatchObject({ eid: 40, phase: 1, text: 'below 0.6', at: 1000 });
  });

  it('is null without a phase event; an unknown boss has no text', () => {
    expect(phaseEventView([{ k: 'hit', src: 1, dst: 40 }], () => THREE, 0)).toBeNull();
    expect(phaseEventView([ev(1, 77)], () => undefined, 0)?.text).toBe('');
  });

  it('gives each event a new id (the announcement replays)', () => {
    const a = phaseEventView([ev(1)], () => THREE, 0)!;
    const b = phaseEventView([ev(1)], () => THREE, 0)!;
    expect(b.id).not.toBe(a.id);
  });

  it('announces for PHASE_ANNOUNCE_MS, and never without text', () => {
    const view = phaseEventView([ev(2)], () => THREE, 1000)!;
    expect(liveAnnouncement(view, 1000)).toBe(view);
    expect(liveAnnouncement(view, 1000 + PHASE_ANNOUNCE_MS - 1)).toBe(view);
    expect(liveAnnouncement(view, 1000 + PHASE_ANNOUNCE_MS)).toBeNull();
    expect(liveAnnouncement({ ...view, text: '' }, 1000)).toBeNull();
  });
});

describe('dungeon or raid cleared', () => {
  it('names the dungeon or raid and the time until it closes', () => {
    expect(
      instanceClearedText({ kind: 'dungeon', name: 'Arasaka Data Vault', closeInMs: 120_000 }),
    ).toBe('Arasaka Data Vault cleared — the vault closes in 2:00');
    expect(
      instanceClearedText({ kind: 'raid', name: 'Quantum Reef Siege', closeInMs: 120_000 }),
    ).toBe('Quantum Reef Siege cleared — the raid closes in 2:00');
    expect(minutesSeconds(65_500)).toBe('1:06');
    expect(minutesSeconds(0)).toBe('0:00');
  });
});

/**
 * The bench's crowd, the same for every renderer: N figures (players and NPCs of
 * every rank, a few corpses) each walking a small circle around a spot of the
 * screen, M effects (floating combat texts over them, boss telegraphs on the
 * ground), and the own character walking a circle round Kabuki Market. Everything
 * is a function of time, so every frame differs and all renderers draw the same.
 */
import { npcTemplateById, type NpcRank, type Vec2 } from '@necp/shared';
import {
  lifetimeOf,
  type FloatKind,
  type LiveText,
} from '../../../../apps/web/src/game/combat/floating-text';
import type { LiveTelegraph } from '../../../../apps/web/src/game/combat/telegraphs';
import type { DrawnEntity } from '../../../../apps/web/src/game/render/draw-entities';
import { MARKET } from './watson';

export interface CrowdFrame {
  selfPos: Vec2;
  heading: Vec2;
  self: DrawnEntity;
  others: DrawnEntity[];
  /** walk-cycle frame (0..WALK_FRAMES-1) of each of `others`, by index */
  walk: number[];
  texts: LiveText[];
  telegraphs: LiveTelegraph[];
  /** the figure the own character has targeted */
  targetEid: number;
}

export const WALK_FRAMES = 8;
const SELF_CIRCLE_M = 6;
const SELF_PERIOD_MS = 20_000;
/** crits and XP are the glowing kinds: a fair share of them */
const KINDS: FloatKind[] = [
  'damage',
  'crit',
  'damage_taken',
  'heal',
  'miss',
  'dot',
  'effect',
  'xp',
];
const TEXT_OF: Record<FloatKind, (n: number) => string> = {
  damage: (n) => String(n),
  crit: (n) => `${n * 2}!`,
  damage_taken: (n) => `-${n}`,
  heal: (n) => `+${n}`,
  miss: () => 'MISS',
  dot: (n) => String(Math.round(n / 4)),
  effect: (n) => (n % 2 ? 'Bleeding' : 'Stunned'),
  xp: (n) => `+${n * 3} XP`,
};
const NPC_TEMPLATES = [
  'tyger_claws_punk',
  'security_drone_mk1',
  'watson_scavenger',
  'maelstrom_ganger',
];
const CLASSES = ['solo', 'netrunner', 'techie', 'medtech'];
const GUILDS = ['MOX', 'VDU', 'ARA', ''];
/** a figure hit this recently flashes (draw-entities.ts): every fourth is in a fight */
const HIT_EVERY_MS = 900;
const TITLES = ['Street Kid', 'Edgerunner', '', '', ''];

/** every third text is someone else's fight: dimmer and smaller */
const faint = (i: number) => i % 3 === 2;

/** mulberry32: the same crowd on every run */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Walker {
  base: Omit<DrawnEntity, 'x' | 'y' | 'health' | 'cast' | 'hitAgo'>;
  /** the circle's centre, as an offset from the own character (metres) */
  ox: number;
  oy: number;
  r: number;
  /** radians per ms (signed: both ways round) */
  w: number;
  phase: number;
  casting: boolean;
  fighting: boolean;
}

function rankFor(i: number, n: number): NpcRank {
  if (i < Math.max(1, Math.round(n / 30))) return 'boss';
  if (i < Math.max(2, Math.round(n / 30) + Math.round(n / 10))) return 'elite';
  return 'normal';
}

export class Crowd {
  private readonly walkers: Walker[] = [];
  private readonly texts: { kind: FloatKind; text: string; anchor: number; phase: number }[] = [];
  private readonly telegraphs: {
    line: boolean;
    ox: number;
    oy: number;
    r: number;
    phase: number;
  }[] = [];

  /** `half`: half the view's size in metres (figures stay on screen whichever the size) */
  constructor(figures: number, effects: number, half: { w: number; h: number }, seed = 27) {
    const rand = rng(seed);
    // a circle's centre this far in keeps the walker (radius ≤ 3 m) and its plate
    // (~3 m above it) on screen
    const spreadW = half.w - 5;
    const spreadH = half.h - 5;
    const players = Math.round(figures * 0.4);
    for (let i = 0; i < figures; i++) {
      const player = i < players;
      const npcIndex = i - players;
      const rank = player ? undefined : rankFor(npcIndex, figures - players);
      const template =
        rank === 'boss'
          ? 'cyberpsycho_kabuki'
          : rank === 'elite'
            ? 'maelstrom_enforcer'
            : NPC_TEMPLATES[npcIndex % NPC_TEMPLATES.length]!;
      const t = npcTemplateById(template);
      // the last of each kind lies dead: corpses are drawn differently
      const dead = i === players - 1 || i === figures - 1;
      const base: Walker['base'] = player
        ? {
            eid: 100 + i,
            kind: 'player',
            name: `Runner${i}`,
            level: 1 + (i % 12),
            maxHealth: 200,
            dead,
            classId: CLASSES[i % CLASSES.length]!,
            ...(GUILDS[i % GUILDS.length] ? { tag: GUILDS[i % GUILDS.length] } : {}),
            ...(TITLES[i % TITLES.length] ? { title: TITLES[i % TITLES.length] } : {}),
          }
        : {
            eid: 100 + i,
            kind: 'npc',
            name: t?.name ?? template,
            level: t?.level ?? 5,
            maxHealth: rank === 'boss' ? 4000 : rank === 'elite' ? 900 : 150,
            dead,
            rank,
            templateId: template,
            // Watson's templates are all hostile: every fifth common one neutral, for the colour
            disposition: rank === 'normal' && npcIndex % 5 === 4 ? 'neutral' : 'hostile',
          };
      this.walkers.push({
        base,
        ox: (rand() * 2 - 1) * spreadW,
        oy: (rand() * 2 - 1) * spreadH + 1.5,
        r: dead ? 0 : 1 + rand() * 2,
        w: ((rand() < 0.5 ? -1 : 1) * (0.6 + rand() * 0.8)) / 1000,
        phase: rand() * Math.PI * 2,
        casting: !dead && i % 4 === 1,
        fighting: !dead && i % 4 === 2,
      });
    }
    const telegraphs = Math.min(24, Math.round(effects / 4));
    for (let i = 0; i < telegraphs; i++)
      this.telegraphs.push({
        line: i % 2 === 1,
        ox: (rand() * 2 - 1) * spreadW * 0.8,
        oy: (rand() * 2 - 1) * spreadH * 0.8,
        r: 2 + rand() * 3,
        phase: rand(),
      });
    const living = this.walkers.filter((w) => !w.base.dead);
    for (let i = 0; i < effects - telegraphs; i++) {
      const kind = KINDS[i % KINDS.length]!;
      this.texts.push({
        kind,
        text: TEXT_OF[kind](20 + Math.floor(rand() * 300)),
        anchor: living[i % living.length]?.base.eid ?? 0,
        phase: rand(),
      });
    }
  }

  /** Every text the crowd shows, by its key (sprite renderers pre-render them). */
  textKinds(): { key: string; kind: FloatKind; text: string; faint: boolean }[] {
    return this.texts.map((t, i) => ({
      key: `t${i}`,
      kind: t.kind,
      text: t.text,
      faint: faint(i),
    }));
  }

  at(now: number): CrowdFrame {
    const a = (now / SELF_PERIOD_MS) * Math.PI * 2;
    const selfPos = {
      x: MARKET.x + Math.cos(a) * SELF_CIRCLE_M,
      y: MARKET.y + Math.sin(a) * SELF_CIRCLE_M,
    };
    const heading = { x: -Math.sin(a), y: Math.cos(a) };
    const others: DrawnEntity[] = [];
    const walk: number[] = [];
    for (const w of this.walkers) {
      const t = w.phase + w.w * now;
      const swing = 0.5 + 0.5 * Math.sin(now / 1500 + w.phase);
      others.push({
        ...w.base,
        x: selfPos.x + w.ox + Math.cos(t) * w.r,
        y: selfPos.y + w.oy + Math.sin(t) * w.r,
        health: w.base.dead ? 0 : Math.round(w.base.maxHealth * (0.25 + 0.75 * swing)),
        cast: w.casting ? (now / 1800 + w.phase) % 1 : null,
        ...(w.fighting ? { hitAgo: (now + w.phase * 1000) % HIT_EVERY_MS } : {}),
      });
      walk.push(Math.floor(now / 90 + w.phase * 10) % WALK_FRAMES);
    }
    const texts = this.texts.map((t, i): LiveText => {
      const life = lifetimeOf(t.kind);
      const age = (now / life + t.phase) % 1;
      const alpha = age < 0.6 ? 1 : Math.max(0, 1 - (age - 0.6) / 0.4);
      // the same easing as FloatingTexts.live()
      return {
        id: i + 1,
        text: t.text,
        kind: t.kind,
        anchor: t.anchor,
        pos: selfPos,
        born: now - age * life,
        dx: [0, -22, 22, -40, 40][i % 5]!,
        faint: faint(i),
        age,
        rise: 46 * (1 - (1 - age) * (1 - age)),
        alpha: faint(i) ? alpha * 0.6 : alpha,
        scale: t.kind === 'crit' ? 1.6 - Math.min(0.25, age * 2) : 1,
      };
    });
    const telegraphs = this.telegraphs.map((g, i): LiveTelegraph => {
      const wind = 2500;
      const progress = (now / wind + g.phase) % 1;
      const x = selfPos.x + g.ox;
      const y = selfPos.y + g.oy;
      return {
        src: 100,
        ab: `slam${i}`,
        area: g.line
          ? { shape: 'line', x, y, r: 1.5, len: 6 + g.r * 2, dir: now / 4000 + g.phase * 6 }
          : { shape: 'circle', x, y, r: g.r },
        startedAt: now - progress * wind,
        impactAt: now + (1 - progress) * wind,
        progress,
      };
    });
    const self: DrawnEntity = {
      eid: 1,
      ...selfPos,
      name: 'Valerie',
      tag: 'NCPD',
      classId: 'solo',
      level: 8,
      health: 240,
      maxHealth: 240,
      kind: 'player',
      dead: false,
    };
    const target = this.walkers.find((w) => w.base.kind === 'npc' && !w.base.dead);
    return {
      selfPos,
      heading,
      self,
      others,
      walk,
      texts,
      telegraphs,
      targetEid: target?.base.eid ?? 0,
    };
  }
}

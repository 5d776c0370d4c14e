/**
 * The combat side of the game client: the current target (click, Tab, Esc), ability
 * use (keys 1–6) with refusal flashes, combat events → floating text and the combat
 * log, XP gains and level-ups, respawn. Tells the store (its combat and boss slices'
 * actions) what the HUD needs.
 * Framework-free; GameClient owns one.
 */
import { portraitOf } from '../render/art/portrait';
import { CombatActs } from './acts';
import {
  distance,
  type CombatEvent,
  type NpcDisposition,
  type Vec2,
  type XpGainMsg,
} from '@necp/shared';
import type { CombatCommands } from './combat-commands';
import type { CastView, CombatHudPatch, EffectView, TargetView } from './combat-ui-slice';
import type { GameStore } from '../store/game-store';
import { effectsNow, type RemoteEntity, type WorldState } from '../world/world-state';
import { CombatLog, describeEvent, type NameResolver } from './combat-log';
import {
  abilityName,
  abilityOf,
  barAbilities,
  effectLook,
  effectName,
  npcTemplate,
} from './content';
import { FloatingTexts, type FloatKind } from './floating-text';
import { Telegraphs } from './telegraphs';
import { phaseEventView } from './boss-bar-view';
import { refusalMessage, shakesSlot } from './refusals';
import { resourceName } from './resource';
import { nextTabTarget, type Targetable } from './targeting';

export interface CombatControllerDeps {
  store: GameStore;
  commands: CombatCommands;
  world: () => WorldState | null;
  /** XP or level changed on the server: refetch the character sheet */
  onProgress: () => void;
  /** players that are enemies (the other arena team's eids): Tab, the target frame */
  enemies?: () => ReadonlySet<number>;
}

/** NPCs the server did not label: hostile when they aggro on sight (content). */
export function dispositionOf(e: RemoteEntity['info']): NpcDisposition | null {
  if (e.kind !== 'npc') return null;
  if (e.disposition) return e.disposition;
  const t = npcTemplate(e.templateId);
  return t && t.behaviour.aggroRange <= 0 ? 'neutral' : 'hostile';
}

export class CombatController {
  readonly texts = new FloatingTexts();
  /** when each entity was last hit (its figure flashes) */
  readonly hitAt = new Map<number, number>();
  /** a boss's telegraphed attacks on the ground */
  readonly telegraphs = new Telegraphs();
  /** who just attacked or cast (their figures strike a pose) */
  readonly acts = new CombatActs();
  private log = new CombatLog();
  private target: number | null = null;
  private lastTargetKey = '';
  private publishedCombat: unknown = null;
  private publishedEffects: unknown = null;
  private publishedDead: boolean | null = null;

  constructor(private deps: CombatControllerDeps) {}

  private get store() {
    return this.deps.store.getState();
  }

  get targetEid() {
    return this.target;
  }

  /** A player of the other arena team (an NPC's hostility is its disposition). */
  private isEnemyPlayer(eid: number): boolean {
    return this.deps.enemies?.().has(eid) ?? false;
  }

  /** A (re)connect: the world is new, eids are new. */
  onWelcome(world: WorldState) {
    this.target = null;
    this.texts.clear();
    this.telegraphs.clear();
    this.lastTargetKey = '';
    this.publishedCombat = null;
    this.publishedEffects = null;
    this.publishedDead = null;
    this.store.combatWelcomed({
      classId: world.self.classId,
      origin: world.self.origin ?? '',
      bar: barAbilities(world.self.classId, world.stats.level, world.self),
    });
  }

  // ---- targeting ------------------------------------------------------------------

  setTarget(eid: number | null) {
    this.target = eid;
    this.lastTargetKey = '';
  }

  /** Esc: true when there was a target to clear (else Esc opens the menu). */
  clearTarget(): boolean {
    if (this.target === null) return false;
    this.setTarget(null);
    this.store.targetCleared();
    return true;
  }

  /** Tab: the next hostile NPC (or arena enemy) in view, nearest first. */
  tab(now: number, inView: (p: Vec2) => boolean) {
    const world = this.deps.world();
    if (!world) return;
    const next = nextTabTarget(
      this.targetables(world, now, inView),
      world.predictor.pos,
      this.target,
    );
    if (next === null) {
      this.flash('No enemies in range');
      return;
    }
    this.setTarget(next);
    this.publish(now, true);
  }

  targetables(world: WorldState, now: number, inView: (p: Vec2) => boolean = () => true) {
    const out: Targetable[] = [];
    for (const [eid, e] of world.others) {
      const p = e.buffer.sample(now);
      if (!inView(p)) continue;
      out.push({
        eid,
        kind: e.info.kind === 'npc' ? 'npc' : 'player',
        x: p.x,
        y: p.y,
        dead: !!e.info.dead,
        hostile: dispositionOf(e.info) === 'hostile' || this.isEnemyPlayer(eid),
      });
    }
    return out;
  }

  // ---- abilities ------------------------------------------------------------------

  /** Key 1–6 (slot 0–5) or a click on the bar. */
  async activateSlot(slot: number, now: number, inView: (p: Vec2) => boolean) {
    const world = this.deps.world();
    const id = this.store.bar[slot];
    if (!world || !id) return;
    if (world.selfDead) return this.flash("You're flatlined");
    const ability = abilityOf(id);
    let target: number | undefined;
    if (!ability || ability.target === 'enemy') {
      const t = this.target === null ? null : world.others.get(this.target);
      if (!t || t.info.dead) {
        // no living target: take the nearest hostile, like a first Tab
        this.setTarget(null);
        this.tab(now, inView);
        if (this.target === null) return;
      }
      target = this.target ?? undefined;
    } else if (ability.target === 'ally') {
      const t = this.target === null ? null : world.others.get(this.target);
      // a friendly player targeted: heal them; otherwise (an enemy too) yourself
      const tid = this.target;
      if (t && tid !== null && t.info.kind === 'player' && !t.info.dead && !this.isEnemyPlayer(tid))
        target = tid;
    }
    const res = await this.deps.commands.use({
      ability: id,
      ...(target === undefined ? {} : { target }),
      viewTick: world.viewTick(now),
    });
    if (!res || res.ok) return;
    this.flash(refusalMessage(res.error.code, res.error.message, resourceName(this.store.classId)));
    if (shakesSlot(res.error.code)) this.store.slotShaken(slot);
  }

  async respawn() {
    const res = await this.deps.commands.respawn();
    if (!res.ok) this.flash(res.error.message);
  }

  cancelCast() {
    void this.deps.commands.cancel();
  }

  private flash(text: string) {
    this.store.combatFlash(text);
  }

  // ---- what happened --------------------------------------------------------------

  private names(world: WorldState): NameResolver {
    return { entity: (eid) => world.nameOf(eid), ability: abilityName, effect: effectName };
  }

  private posOf(world: WorldState, eid: number, now: number): Vec2 | null {
    if (eid === world.self.eid) return world.predictor.pos;
    return world.others.get(eid)?.buffer.sample(now) ?? null;
  }

  private float(
    world: WorldState,
    eid: number,
    text: string,
    kind: FloatKind,
    faint: boolean,
    now: number,
  ) {
    const pos = this.posOf(world, eid, now);
    if (pos) this.texts.add({ text, kind, anchor: eid, pos, faint }, now);
  }

  /** Combat events of one snapshot (the world already applied its health and deaths). */
  onEvents(events: CombatEvent[], now: number) {
    const world = this.deps.world();
    if (!world || events.length === 0) return;
    const me = world.self.eid;
    const names = this.names(world);
    let logged = false;
    for (const e of events) {
      this.telegraphs.onEvent(e, now);
      this.acts.onEvent(e, now);
      const involved = e.src === me || e.dst === me;
      const faint = !involved;
      switch (e.k) {
        case 'hit': {
          if (this.hitAt.size > 512) this.hitAt.clear();
          this.hitAt.set(e.dst, now);
          const n = e.n ?? 0;
          const text = n === 0 && e.absorbed ? 'absorbed' : e.crit ? `${n}!` : `${n}`;
          const kind: FloatKind = e.dst === me ? 'damage_taken' : e.crit ? 'crit' : 'damage';
          this.float(world, e.dst, e.dst === me ? `-${text}` : text, kind, faint, now);
          break;
        }
        case 'miss':
          this.float(world, e.dst, 'miss', 'miss', faint, now);
          break;
        case 'heal':
          this.float(world, e.dst, `+${e.n ?? 0}`, 'heal', faint, now);
          break;
        case 'tick':
          if (e.heal) this.float(world, e.dst, `+${e.n ?? 0}`, 'heal', faint, now);
          else this.float(world, e.dst, `${e.n ?? 0}`, 'dot', faint, now);
          break;
        case 'effect':
          if (involved && e.fx)
            this.float(world, e.dst, effectLook(e.fx).name, 'effect', false, now);
          break;
        case 'death':
          if (e.dst === me)
            this.store.selfKilled(e.src && e.src !== me ? world.nameOf(e.src) : null);
          break;
      }
      // the log keeps your fights and your target's
      if (involved || (this.target !== null && (e.src === this.target || e.dst === this.target))) {
        const line = describeEvent(e, me, names);
        if (line) {
          this.log.push(line.text, line.tone, Date.now());
          logged = true;
        }
      }
    }
    if (logged) this.store.combatLogged(this.log.snapshot());
    // a boss entered a phase: the boss bar's phase and its announcement
    const phase = phaseEventView(
      events,
      (eid) => npcTemplate(world.others.get(eid)?.info.templateId)?.boss?.phases,
      now,
    );
    if (phase) this.store.bossPhaseEntered(phase);
  }

  onXp(msg: XpGainMsg, now: number) {
    const world = this.deps.world();
    const s = this.store;
    if (world) {
      this.float(world, world.self.eid, `+${msg.xpGained} XP`, 'xp', false, now);
      if (msg.level !== world.stats.level) world.stats = { ...world.stats, level: msg.level };
    }
    this.log.push(
      `You gain ${msg.xpGained} XP${msg.source ? ` (${msg.source})` : ''}`,
      'xp',
      Date.now(),
    );
    let levelUp: { level: number; bar?: string[] } | undefined;
    if (msg.levelsGained > 0) {
      levelUp = { level: msg.level };
      this.log.push(`You reached level ${msg.level}!`, 'xp', Date.now());
      if (world) {
        const before = new Set(s.bar);
        const bar = barAbilities(s.classId, msg.level, world.self);
        levelUp.bar = bar;
        const learned = bar.filter((id) => !before.has(id)).map(abilityName);
        s.toast(
          'success',
          `Level up! You are now level ${msg.level}.${learned.length ? ` New: ${learned.join(', ')}.` : ''}`,
        );
      } else s.toast('success', `Level up! You are now level ${msg.level}.`);
    }
    s.xpGained({
      xp: { total: msg.xp, level: msg.level },
      combatLog: this.log.snapshot(),
      levelUp,
    });
    this.deps.onProgress();
  }

  // ---- publishing -----------------------------------------------------------------

  /** HUD values (~10 Hz, or at once with `force`). */
  publish(now: number, force = false) {
    const world = this.deps.world();
    if (!world) return;
    const patch: CombatHudPatch = {};
    let dead = false;
    if (force || this.publishedCombat !== world.selfCombat) {
      this.publishedCombat = world.selfCombat;
      patch.selfCombat = world.selfCombat;
    }
    if (force || this.publishedEffects !== world.selfEffects) {
      this.publishedEffects = world.selfEffects;
      patch.selfEffects = effectViews(
        effectsNow(world.selfEffects.list, world.selfEffects.at, now),
        now,
      );
    }
    if (force || this.publishedDead !== world.selfDead) {
      this.publishedDead = world.selfDead;
      patch.selfDead = world.selfDead;
      if (!world.selfDead) patch.killer = null;
      else dead = true;
    }
    const target = this.targetView(world, now);
    const key = target ? JSON.stringify(target) : '';
    if (force || key !== this.lastTargetKey) {
      this.lastTargetKey = key;
      patch.target = target;
    }
    if (Object.keys(patch).length > 0) this.store.combatPublished(patch);
    // dying closes the game menu: the death screen and its Respawn button come first
    if (dead && this.store.menuOpen) this.store.setMenuOpen(false);
  }

  private targetView(world: WorldState, now: number): TargetView | null {
    if (this.target === null) return null;
    const e = world.others.get(this.target);
    if (!e) {
      // it left view (or despawned): nothing to aim at any more
      this.target = null;
      return null;
    }
    const i = e.info;
    const c = world.castOf(this.target, now);
    const cast: CastView | null = c
      ? { ability: c.ability, startedAt: c.startedAt, endsAt: c.endsAt }
      : null;
    const tpl = npcTemplate(i.templateId);
    return {
      eid: this.target,
      kind: i.kind === 'npc' ? 'npc' : 'player',
      name: i.name,
      level: i.level,
      rank: i.kind === 'npc' ? (i.rank ?? tpl?.rank ?? 'normal') : null,
      disposition: dispositionOf(i),
      hostile: dispositionOf(i) === 'hostile' || this.isEnemyPlayer(this.target),
      health: i.health,
      maxHealth: i.maxHealth,
      dead: !!i.dead,
      effects: effectViews(effectsNow(i.effects ?? [], e.effectsAt, now), now),
      cast,
      distance: Math.round(distance(world.predictor.pos, e.buffer.sample(now)) * 10) / 10,
      portrait: portraitOf({ ...i, rank: i.rank ?? tpl?.rank }),
    };
  }
}

/** Wire effects (ms left now) → views with an absolute end; stable while nothing changes. */
function effectViews(list: [string, number, number][], now: number): EffectView[] {
  // round the end so a view built 100 ms later compares equal
  return list.map(([id, left, stacks]) => ({
    id,
    stacks,
    endsAt: Math.round((now + left) / 100) * 100,
  }));
}

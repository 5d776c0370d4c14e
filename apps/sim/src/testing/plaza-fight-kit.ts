/**
 * A fight with the Tyger Claws punks of Watson's plaza, seen as the player's client sees
 * it (cluster/two-sims.test.ts): where the fighter stands, and a `Sight` that keeps the
 * entities, combat events and own state from the snapshots, finds the nearest punk in
 * rifle range and attacks it.
 */
import {
  GCD_MS,
  TICK_MS,
  npcTemplateById,
  zoneById,
  type CombatEvent,
  type EntityInfo,
  type SelfCombatState,
  type SnapshotMsg,
  type WelcomeMsg,
} from '@necp/shared';
import type { TestClient } from './test-client';

/** Tyger Claws punks (60 health, melee, patrolling) on the plaza south-east of Kabuki Market. */
export const plaza = zoneById('watson')!.npcSpawns.find((s) => s.id === 'watson-punks-plaza')!;
export const punkTemplate = npcTemplateById(plaza.templateId)!;
/**
 * Where the fighter stands: north of the plaza (on Kabuki Boulevard), a metre beyond
 * the punks' aggro range from the edge of their area (none comes by itself), the
 * far edge still within the rifle's 35 m.
 */
export const FIGHT_SPOT = {
  x: plaza.x,
  y: plaza.y - plaza.radius - punkTemplate.behaviour.aggroRange - 1,
};
/** the Copperhead's reach (35 m), less a margin */
const RIFLE_RANGE_M = 34;

export const hurt = (e: Seen | undefined) => e !== undefined && !e.dead && e.health < e.maxHealth;

export interface Seen {
  kind: EntityInfo['kind'];
  templateId: string | undefined;
  /** cm */
  x: number;
  y: number;
  health: number;
  maxHealth: number;
  dead: boolean;
}

/** What a player sees, as its client keeps it from the snapshots (positions in cm). */
export class Sight {
  readonly entities = new Map<number, Seen>();
  /** every combat event seen, in order */
  readonly events: CombatEvent[] = [];
  self: SelfCombatState | undefined;
  me: [number, number];

  constructor(
    readonly client: TestClient,
    welcome: WelcomeMsg,
  ) {
    this.me = [welcome.self.x, welcome.self.y];
    this.self = welcome.self.combat;
  }

  seen(eid: number): Seen | undefined {
    return this.entities.get(eid);
  }

  /** The closest living punk in rifle range (not `except`). */
  nearestPunk(except?: number): number | undefined {
    let best: number | undefined;
    let bestD = RIFLE_RANGE_M * 100;
    for (const [eid, e] of this.entities) {
      if (eid === except || e.dead || e.templateId !== plaza.templateId) continue;
      const d = Math.hypot(e.x - this.me[0], e.y - this.me[1]);
      if (d <= bestD) [best, bestD] = [eid, d];
    }
    return best;
  }

  /** Reads snapshots until `get` returns something. */
  async until<T>(what: string, get: () => T | undefined, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = get();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
      await this.read(end - Date.now());
    }
  }

  /**
   * Attacks `target` once per global cooldown until `done` (a Power Shot first if
   * asked, while in its range), reading the snapshots in between.
   */
  async attack(target: number, o: { powerShot?: boolean; done: () => boolean }, ms = 30_000) {
    const end = Date.now() + ms;
    let powerShot = o.powerShot === true;
    while (!o.done()) {
      if (Date.now() > end) throw new Error(`timed out attacking ${target}`);
      let res = powerShot
        ? await this.client.command('combat:use', { ability: 'solo_power_shot', target })
        : undefined;
      if (res?.ok) powerShot = false;
      else res = await this.client.command('combat:use', { ability: 'solo_attack', target });
      // refused (the GCD, out of range while it runs): look again after a tick or two
      const next = Date.now() + (res.ok ? GCD_MS : 2 * TICK_MS);
      while (!o.done() && Date.now() < next) await this.read(next - Date.now());
    }
  }

  /** Applies the next snapshot (waiting up to `ms` for it). */
  private async read(ms: number): Promise<void> {
    const s = await this.client
      .next('zone:snapshot', Math.max(1, Math.min(ms, 1000)))
      .catch(() => undefined);
    if (s) this.apply(s);
  }

  private apply(s: SnapshotMsg): void {
    this.me = s.me;
    for (const e of s.add)
      this.entities.set(e.eid, {
        kind: e.kind,
        templateId: e.templateId,
        x: e.x,
        y: e.y,
        health: e.health,
        maxHealth: e.maxHealth,
        dead: e.dead === true,
      });
    for (const [eid, x, y] of s.mv) {
      const e = this.entities.get(eid);
      if (e) [e.x, e.y] = [x, y];
    }
    for (const eid of s.del) this.entities.delete(eid);
    for (const [eid, health, maxHealth] of s.hp ?? []) {
      const e = this.entities.get(eid);
      if (e) [e.health, e.maxHealth] = [health, maxHealth];
    }
    for (const [eid, dead] of s.dead ?? []) {
      const e = this.entities.get(eid);
      if (e) e.dead = dead;
    }
    if (s.self) this.self = s.self;
    this.events.push(...(s.ev ?? []));
  }
}

/**
 * A zone's simulation state as one hash, for replays: two zones with equal hashes
 * at a tick simulate the same from there on. Everything the tick reads goes in,
 * in a canonical order (players by character id, NPCs and drops by eid, map
 * entries by key): positions, health, movement budgets and queued inputs, combat
 * state (resource, GCD, cooldowns, cast, effects, dead), NPC brains, threat and
 * damage tables, drops, the next eid, and the state of every random stream.
 * Left out: what only reports outward (client views, save bookkeeping, the
 * NPCs' lifeId — a random idempotency key for the database, not a roll).
 */
import { createHash } from 'node:crypto';
import type { Rng } from '@necp/game';
import type { CombatState } from '../combat/combat-state';
import type { Npc } from '../npc/npc';
import type { Player } from './player';
import type { DropEntity } from './world-objects';

export interface HashedZoneState {
  tick: number;
  now: number;
  nextEid: number;
  players: Iterable<Readonly<Player>>;
  npcs: Iterable<Readonly<Npc>>;
  drops: Iterable<Readonly<DropEntity>>;
  rngs: Readonly<Record<string, Rng>>;
}

export function hashZoneState(s: HashedZoneState): string {
  const players = [...s.players]
    .sort((a, b) => (a.characterId < b.characterId ? -1 : a.characterId > b.characterId ? 1 : 0))
    .map((p) => ({
      id: p.characterId,
      eid: p.eid,
      x: p.x,
      y: p.y,
      health: p.health,
      maxHealth: p.maxHealth,
      level: p.level,
      classId: p.classId,
      abilities: p.abilities,
      speed: p.speed,
      lastSeq: p.lastSeq,
      budget: p.budget.availableMs,
      playout: p.playoutMs,
      inputs: p.inputs,
      conn: p.conn?.id ?? null,
      droppedAt: p.droppedAt,
      areas: [...p.areas].sort(),
      combat: combatOf(p.combat),
    }));
  const npcs = [...s.npcs]
    .sort((a, b) => a.eid - b.eid)
    .map((n) => ({
      eid: n.eid,
      x: n.x,
      y: n.y,
      home: n.home,
      speed: n.speed,
      health: n.health,
      maxHealth: n.maxHealth,
      level: n.level,
      respawnAt: n.respawnAt,
      ai: n.ai,
      threat: sortedEntries(n.threat),
      damageBy: sortedEntries(n.damageBy),
      combat: combatOf(n.combat),
      boss: n.boss ? { ...n.boss, readyAt: sortedEntries(n.boss.readyAt) } : null,
    }));
  const drops = [...s.drops]
    .sort((a, b) => a.eid - b.eid)
    .map((d) => ({ eid: d.eid, id: d.id, x: d.x, y: d.y, despawnAt: d.despawnAt }));
  const rngs = Object.keys(s.rngs)
    .sort()
    .map((k) => [k, s.rngs[k]?.state?.() ?? null]);
  const canonical = canon({
    tick: s.tick,
    now: s.now,
    nextEid: s.nextEid,
    players,
    npcs,
    drops,
    rngs,
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function combatOf(c: Readonly<CombatState>) {
  return {
    stats: c.stats,
    resource: c.resource,
    maxResource: c.maxResource,
    gcdUntil: c.gcdUntil,
    cooldowns: sortedEntries(c.cooldowns),
    cast: c.cast,
    effects: c.effects,
    dead: c.dead,
    diedAt: c.diedAt,
    lastCombatAt: c.lastCombatAt,
  };
}

const sortedEntries = <K extends string | number, V>(m: ReadonlyMap<K, V>): [K, V][] =>
  [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** JSON with object keys sorted and non-finite numbers spelled out (JSON would make them null). */
export function canon(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : `"${String(v)}"`;
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v instanceof Map) return canon(sortedEntries(v as Map<string, unknown>));
  if (v instanceof Set) return canon([...(v as Set<unknown>)].sort());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canon(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(String(v));
}

/**
 * A boss encounter's layer over the ordinary brain (brain.ts still moves it and
 * auto-attacks): while it fights it announces telegraphed attacks of its current
 * phase, lands them `windup` later on whoever is still inside, and moves to the
 * next phase when its health falls below that phase's threshold. Everything is
 * decided in the zone tick from the AI stream (world.random), so a replay repeats it.
 */
import type { BossAttack, BossBlock, BossPhase, TelegraphArea } from '@necp/shared';
import type { BossState, Npc } from './npc';
import type { NpcWorld } from './npc-world';

/** Areas go on the wire as JSON: centimetres and milliradians are plenty. */
const cm = (m: number) => Math.round(m * 100) / 100;
const mrad = (a: number) => Math.round(a * 1000) / 1000;

const fresh = (): BossState => ({ phase: 0, readyAt: new Map(), nextAt: -Infinity, pending: null });

/** One tick of a boss's encounter, after its brain stepped. */
export function stepBoss(npc: Npc, block: BossBlock, world: NpcWorld, now: number): void {
  const s = npc.ai.state;
  if (s !== 'chase' && s !== 'attack' && s !== 'flee') {
    // not fighting (idle, patrol, or running home to reset): the next pull starts over
    endBoss(npc, world);
    return;
  }
  const b = (npc.boss ??= fresh());
  enterDuePhases(npc, b, block, world);
  const phase = block.phases[b.phase];
  if (!phase) return;

  if (b.pending && now >= b.pending.impactAt) {
    const attack = attackOf(block, b.pending.attackId);
    if (attack) world.strikeArea(npc.eid, attack, b.pending.area);
    b.pending = null;
    b.nextAt = now + phase.gapMs;
  }
  if (b.pending || now < b.nextAt) return;
  announceNext(npc, b, block, phase, world, now);
}

/**
 * The boss died or stopped fighting: a telegraph still winding up is called off
 * (an `interrupt` of its attack, so clients take it off the ground) and the
 * encounter forgets its phase.
 */
export function endBoss(npc: Npc, world: NpcWorld): void {
  const pending = npc.boss?.pending;
  if (pending)
    world.announce({ k: 'interrupt', src: npc.eid, dst: pending.targetEid, ab: pending.attackId });
  npc.boss = undefined;
}

/** Every threshold crossed since the last tick is a phase entered (once each, in order). */
function enterDuePhases(npc: Npc, b: BossState, block: BossBlock, world: NpcWorld): void {
  const share = npc.health / npc.maxHealth;
  for (let next = block.phases[b.phase + 1]; next && share < next.belowHealth;) {
    b.phase++;
    world.announce({ k: 'phase', src: npc.eid, dst: npc.eid, n: b.phase });
    next = block.phases[b.phase + 1];
  }
}

/** Picks a ready attack of the phase (seeded), aims it and announces it. */
function announceNext(
  npc: Npc,
  b: BossState,
  block: BossBlock,
  phase: BossPhase,
  world: NpcWorld,
  now: number,
): void {
  const ready = phase.attacks.filter((id) => (b.readyAt.get(id) ?? -Infinity) <= now);
  if (ready.length === 0) return;
  const id = ready[Math.min(ready.length - 1, Math.floor(world.random() * ready.length))];
  const attack = id === undefined ? undefined : attackOf(block, id);
  if (!attack) return;
  const aimed = aim(npc, attack, world);
  if (!aimed) return; // nobody to aim at this tick: try again next tick
  const windup = Math.round(attack.windupMs * phase.windupFactor);
  b.readyAt.set(attack.id, now + attack.cooldownMs);
  b.pending = {
    attackId: attack.id,
    area: aimed.area,
    targetEid: aimed.targetEid,
    impactAt: now + windup,
  };
  world.announce({
    k: 'telegraph',
    src: npc.eid,
    dst: aimed.targetEid,
    ab: attack.id,
    ms: windup,
    ...aimed.area,
  });
}

/** Where the attack goes: the area (fixed from now on) and whom it is aimed at (0: none). */
function aim(
  npc: Npc,
  attack: BossAttack,
  world: NpcWorld,
): { area: TelegraphArea; targetEid: number } | null {
  if (attack.aim === 'self') {
    return {
      area: { shape: 'circle', x: cm(npc.x), y: cm(npc.y), r: attack.radius },
      targetEid: 0,
    };
  }
  const targetEid = attack.aim === 'target' ? npc.ai.targetEid : randomFoe(npc, world);
  const target = targetEid === null ? undefined : world.player(targetEid);
  if (!target || target.dead) return null;
  if (attack.shape === 'circle') {
    return {
      area: { shape: 'circle', x: cm(target.x), y: cm(target.y), r: attack.radius },
      targetEid: target.eid,
    };
  }
  const dir = mrad(Math.atan2(target.y - npc.y, target.x - npc.x));
  return {
    area: {
      shape: 'line',
      x: cm(npc.x),
      y: cm(npc.y),
      r: attack.radius,
      len: attack.length ?? 0,
      dir,
    },
    targetEid: target.eid,
  };
}

/** Anyone living on the threat table, drawn from the AI stream (eid order: the same draw picks the same one). */
function randomFoe(npc: Npc, world: NpcWorld): number | null {
  const foes = [...npc.threat.keys()]
    .filter((eid) => {
      const p = world.player(eid);
      return p !== undefined && !p.dead;
    })
    .sort((a, b) => a - b);
  if (foes.length === 0) return null;
  return foes[Math.min(foes.length - 1, Math.floor(world.random() * foes.length))] ?? null;
}

const attackOf = (block: BossBlock, id: string) => block.attacks.find((a) => a.id === id);

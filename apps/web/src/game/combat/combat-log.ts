/**
 * Combat events → readable log lines ("You hit Tyger Claws Punk with Quick Shot for
 * 12 (crit)"). Pure: names come from a resolver, so lines can be built (and tested)
 * without content or a world.
 */
import type { CombatEvent } from '@necp/shared';

export type LogTone = 'out' | 'in' | 'heal' | 'xp' | 'death' | 'info';

export interface LogLine {
  id: number;
  /** local wall-clock ms (shown as hh:mm:ss) */
  at: number;
  text: string;
  tone: LogTone;
}

export interface NameResolver {
  entity: (eid: number) => string;
  ability: (id: string) => string;
  effect: (id: string) => string;
}

/** Every NPC's auto-attack: logged as "Punk hits you", not "Punk's Attack hits you". */
const AUTO_ATTACK = 'npc_attack';

export const MAX_LOG_LINES = 200;

const amount = (e: CombatEvent) => {
  const parts = [`${e.n ?? 0}`];
  const extra: string[] = [];
  if (e.crit) extra.push('crit');
  if (e.absorbed) extra.push(`${e.absorbed} absorbed`);
  return extra.length ? `${parts[0]} (${extra.join(', ')})` : parts[0]!;
};

/**
 * One line for an event, from `self`'s point of view; null for events not worth a
 * line (someone else's fight far away is still logged — only noise is dropped).
 */
export function describeEvent(
  e: CombatEvent,
  self: number,
  names: NameResolver,
): { text: string; tone: LogTone } | null {
  const mine = e.src === self;
  const onMe = e.dst === self;
  const src = mine ? 'You' : names.entity(e.src);
  const dst = onMe ? 'you' : names.entity(e.dst);
  const Dst = onMe ? 'You' : dst;
  const ab = e.ab ? names.ability(e.ab) : 'attack';
  const auto = e.ab === AUTO_ATTACK || !e.ab;
  const tone: LogTone = mine ? 'out' : onMe ? 'in' : 'info';
  switch (e.k) {
    case 'hit':
      if (mine) return { text: `You hit ${dst} with ${ab} for ${amount(e)}`, tone };
      if (auto) return { text: `${src} hits ${dst} for ${amount(e)}`, tone };
      return { text: `${src}'s ${ab} hits ${dst} for ${amount(e)}`, tone };
    case 'miss':
      if (mine) return { text: `Your ${ab} misses ${dst}`, tone };
      if (auto) return { text: `${src} misses ${dst}`, tone };
      return { text: `${src}'s ${ab} misses ${dst}`, tone };
    case 'heal': {
      const whom = e.src === e.dst ? (mine ? 'you' : 'themselves') : dst;
      if (mine) return { text: `Your ${ab} heals ${whom} for ${e.n ?? 0}`, tone: 'heal' };
      return { text: `${src}'s ${ab} heals ${whom} for ${e.n ?? 0}`, tone: 'heal' };
    }
    case 'tick': {
      const fx = e.fx ? names.effect(e.fx) : 'effect';
      if (e.heal) return { text: `${fx} heals ${dst} for ${e.n ?? 0}`, tone: 'heal' };
      if (onMe) return { text: `You suffer ${e.n ?? 0} damage from ${fx}`, tone: 'in' };
      return {
        text: `${Dst} suffers ${e.n ?? 0} damage from ${mine ? 'your ' : ''}${fx}`,
        tone: mine ? 'out' : 'info',
      };
    }
    case 'cast':
      return mine
        ? { text: `You begin casting ${ab}`, tone: 'info' }
        : { text: `${src} begins casting ${ab}`, tone: onMe ? 'in' : 'info' };
    case 'interrupt':
      return mine
        ? { text: `Your ${ab} was interrupted`, tone: 'info' }
        : { text: `${src}'s ${ab} was interrupted`, tone: 'info' };
    case 'effect': {
      const fx = e.fx ? names.effect(e.fx) : 'an effect';
      const stacks = e.stacks && e.stacks > 1 ? ` (${e.stacks})` : '';
      if (onMe) return { text: `You are affected by ${fx}${stacks}`, tone: mine ? 'info' : 'in' };
      return { text: `${Dst} is affected by ${fx}${stacks}`, tone };
    }
    case 'death':
      if (onMe)
        return {
          text:
            e.src && e.src !== self
              ? `You were flatlined by ${names.entity(e.src)}`
              : 'You flatlined',
          tone: 'death',
        };
      if (mine) return { text: `You killed ${dst}`, tone: 'death' };
      return { text: `${Dst} dies`, tone: 'death' };
    case 'respawn':
      return onMe ? { text: 'You are back on your feet', tone: 'info' } : null;
    case 'telegraph':
      // a boss's ground attack: the marked area on the map is what matters
      return onMe
        ? { text: `${src} aims ${ab} at you — move!`, tone: 'in' }
        : { text: `${src} readies ${ab}`, tone: 'info' };
    case 'phase':
      return { text: `${src} enters phase ${(e.n ?? 0) + 1}`, tone: 'info' };
  }
}

/** A bounded, newest-last list of lines. */
export class CombatLog {
  private lines: LogLine[] = [];
  private nextId = 1;

  push(text: string, tone: LogTone, at: number) {
    this.lines.push({ id: this.nextId++, at, text, tone });
    if (this.lines.length > MAX_LOG_LINES) this.lines.splice(0, this.lines.length - MAX_LOG_LINES);
  }

  /** A copy: what the store publishes (React compares by reference). */
  snapshot(): LogLine[] {
    return [...this.lines];
  }
}

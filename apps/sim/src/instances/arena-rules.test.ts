// The arena's phases against a stand-in zone: arrival, forfeit at the deadline,
// countdown (everyone healed, teams only once the gates open), defeat, the timer's
// health comparison; and who is hostile to whom.
import { describe, expect, it } from 'vitest';
import { ARENA_COUNTDOWN_MS, ARENA_MATCH_MS, INSTANCE_ARRIVAL_MS } from '@necp/shared';
import { hostile, type Fighter } from '../combat/fighter';
import type { ZoneCommand } from '../zone/zone-commands';
import { ArenaRules, type ArenaOutcome } from './arena-rules';

interface Stand {
  health: number;
  maxHealth: number;
  combat: { dead: boolean };
}

function arena(teams: string[][]) {
  const players = new Map<string, Stand>();
  const submitted: ZoneCommand[] = [];
  const outcomes: ArenaOutcome[] = [];
  const zone = {
    player: (id: string) => players.get(id) as never,
    submit: (cmd: ZoneCommand) => void submitted.push(cmd),
  };
  const rules = new ArenaRules({ teams, openedAt: 0, onOver: (o) => outcomes.push(o) });
  const arrive = (id: string, health = 100) =>
    players.set(id, { health, maxHealth: 100, combat: { dead: false } });
  return { rules, zone, players, submitted, outcomes, arrive };
}

describe('ArenaRules', () => {
  it('waits for everyone, counts down, then gives teams; a team wiped out loses', () => {
    const t = arena([['a'], ['b']]);
    t.arrive('a');
    t.rules.afterTick(t.zone, 1_000);
    expect(t.rules.phase).toBe('waiting');
    t.arrive('b', 30);
    t.rules.afterTick(t.zone, 2_000);
    expect(t.rules.phase).toBe('countdown');
    // both start whole, nobody is an enemy yet
    expect(t.submitted.map((c) => c.k)).toEqual(['heal', 'heal']);
    t.rules.afterTick(t.zone, 2_000 + ARENA_COUNTDOWN_MS - 1);
    expect(t.rules.phase).toBe('countdown');
    t.rules.afterTick(t.zone, 2_000 + ARENA_COUNTDOWN_MS);
    expect(t.rules.phase).toBe('fighting');
    expect(t.submitted.slice(2)).toEqual([
      { k: 'team', characterId: 'a', team: 0 },
      { k: 'team', characterId: 'b', team: 1 },
    ]);
    t.players.get('b')!.combat.dead = true;
    t.rules.afterTick(t.zone, 9_000);
    expect(t.outcomes).toEqual([{ winner: 0, by: 'defeat' }]);
    // over is over: no second outcome
    t.rules.afterTick(t.zone, 10_000);
    expect(t.outcomes).toHaveLength(1);
  });

  it('a team nobody of which came forfeits at the arrival deadline; nobody at all is a draw', () => {
    const t = arena([['a'], ['b']]);
    t.arrive('b');
    t.rules.afterTick(t.zone, INSTANCE_ARRIVAL_MS - 1);
    expect(t.outcomes).toEqual([]);
    t.rules.afterTick(t.zone, INSTANCE_ARRIVAL_MS);
    expect(t.outcomes).toEqual([{ winner: 1, by: 'forfeit' }]);
    const empty = arena([['a'], ['b']]);
    empty.rules.afterTick(empty.zone, INSTANCE_ARRIVAL_MS);
    expect(empty.outcomes).toEqual([{ winner: null, by: 'forfeit' }]);
  });

  it('on the timer the larger mean share of health wins (3v3: one missing counts as none)', () => {
    const t = arena([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
    ]);
    for (const id of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']) t.arrive(id);
    t.rules.afterTick(t.zone, 0);
    t.rules.afterTick(t.zone, ARENA_COUNTDOWN_MS);
    expect(t.rules.phase).toBe('fighting');
    t.players.get('a1')!.health = 10;
    t.players.delete('b3'); // left the fight
    t.rules.afterTick(t.zone, ARENA_COUNTDOWN_MS + ARENA_MATCH_MS);
    // a: (0.1 + 1 + 1) / 3 = 0.70; b: (1 + 1 + 0) / 3 = 0.67
    expect(t.outcomes).toEqual([{ winner: 0, by: 'timer' }]);
  });
});

describe('hostile', () => {
  const player = (team: number | null) => ({ kind: 'player', team }) as unknown as Fighter;
  const npc = { kind: 'npc' } as unknown as Fighter;
  it('players only on opposing teams; NPCs against players always', () => {
    expect(hostile(player(null), player(null))).toBe(false);
    expect(hostile(player(0), player(0))).toBe(false);
    expect(hostile(player(0), player(1))).toBe(true);
    expect(hostile(player(0), player(null))).toBe(false);
    expect(hostile(player(null), npc)).toBe(true);
    expect(hostile(npc, npc)).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CombatUse, WelcomeMsg } from '@necp/shared';
import { CombatController } from '../combat/combat-controller';
import type { CombatCommands } from '../combat/combat-commands';
import { createGameStore, type GameStore } from '../store/game-store';
import {
  arenaCountdown,
  arenaFighting,
  arenaVictory,
  arenaWaiting,
  fixtureSnapshot,
  fixtureWelcome,
  transferEnter,
  transferLeave,
} from '../testing/arena-fixtures';
import { standInPushes } from '../testing/stand-in-pushes';
import { WorldState } from '../world/world-state';
import { ArenaSession } from './arena-session';
import { MIN_TRANSFER_MS, TRANSFER_FADE_MS, TRANSFER_GIVE_UP_MS } from './instance-transfer';

// The game client's arena side, driven like the sim would: pushes on a stand-in
// socket, the real store, fake timers for the transition.

function setup() {
  const store = createGameStore();
  const { pushes, emit, dropped } = standInPushes();
  let reconnects = 0;
  const arena = new ArenaSession({ store, reconnect: () => reconnects++, stopped: () => false });
  arena.wire(pushes);
  return { store, arena, emit, dropped, reconnects: () => reconnects };
}

const welcomeTo = (id: string, name: string): WelcomeMsg => {
  const w = fixtureWelcome();
  return { ...w, zone: { ...w.zone, id, name } };
};
const arenaWelcome = () => fixtureWelcome();
const watsonWelcome = () => welcomeTo('watson', 'Watson');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('instance:transfer', () => {
  it('shows the transition and reconnects once; the next welcome fades it out', () => {
    const { store, arena, emit, reconnects } = setup();
    store.setState({ menuOpen: true });
    emit('instance:transfer', transferEnter());
    expect(reconnects()).toBe(1);
    expect(store.getState().transfer).toMatchObject({ direction: 'enter', arrived: false });
    expect(store.getState().menuOpen).toBe(false);
    // the old socket said it again before it was dropped: nothing more happens
    emit('instance:transfer', transferEnter());
    expect(reconnects()).toBe(1);

    expect(arena.welcome(arenaWelcome())).toBe(true);
    vi.advanceTimersByTime(MIN_TRANSFER_MS);
    expect(store.getState().transfer?.arrived).toBe(true);
    vi.advanceTimersByTime(TRANSFER_FADE_MS);
    const s = store.getState();
    expect(s.transfer).toBeNull();
    expect(s.areaBanner).toMatchObject({ name: 'Neon Pit Arena', sub: 'Arena · instance' });
    expect(s.toasts).toEqual([]);
  });

  it('back in the open world: the scoreboard and result go, "Back in Watson"', () => {
    const { store, arena, emit } = setup();
    emit('arena:state', arenaFighting());
    emit('arena:result', arenaVictory());
    emit('instance:transfer', transferLeave());
    expect(store.getState().arenaResult).not.toBeNull();
    arena.welcome(watsonWelcome());
    expect(store.getState().arena).toBeNull();
    expect(store.getState().arenaResult).toBeNull();
    expect(arena.enemies.size).toBe(0);
    vi.advanceTimersByTime(MIN_TRANSFER_MS + TRANSFER_FADE_MS);
    expect(store.getState().transfer).toBeNull();
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['Back in Watson.']);
  });

  it('gives the screen back when no welcome comes', () => {
    const { store, emit } = setup();
    emit('instance:transfer', transferEnter());
    vi.advanceTimersByTime(TRANSFER_GIVE_UP_MS);
    expect(store.getState().transfer).toBeNull();
    expect(store.getState().toasts[0]?.kind).toBe('error');
  });

  it('is ignored after a kick', () => {
    const { store, emit, reconnects } = setup();
    store.setState({ kicked: { reason: 'takeover', message: 'x' } });
    emit('instance:transfer', transferEnter());
    expect(reconnects()).toBe(0);
    expect(store.getState().transfer).toBeNull();
  });

  it('ignores what is not a transfer', () => {
    const { store, emit, dropped, reconnects } = setup();
    emit('instance:transfer', null);
    emit('instance:transfer', { direction: 'sideways', kind: 'arena', zoneName: 'x' });
    emit('instance:transfer', { ...transferEnter(), kind: 'casino' });
    emit('instance:transfer', { ...transferLeave(), reason: 'bored' });
    emit('instance:transfer', { direction: 'enter', kind: 'arena' });
    expect(dropped).toHaveLength(5);
    expect(reconnects()).toBe(0);
    expect(store.getState().transfer).toBeNull();
  });

  it('a welcome without a transfer leaves the greeting to the client', () => {
    const { arena } = setup();
    expect(arena.welcome(watsonWelcome())).toBe(false);
  });
});

describe('arena:state and arena:result', () => {
  it('keep the scoreboard, and the other team as enemies', () => {
    const { store, arena, emit } = setup();
    emit('arena:state', arenaFighting());
    expect(store.getState().arena?.msg.phase).toBe('fighting');
    expect([...arena.enemies].sort()).toEqual([11, 12, 13]);
    emit('arena:result', arenaVictory());
    expect(store.getState().arenaResult?.msg.winner).toBe(0);
  });

  it('take the draw and every phase the sim sends', () => {
    const { store, emit } = setup();
    for (const s of [arenaWaiting(), arenaCountdown(), arenaFighting()]) {
      emit('arena:state', s);
      expect(store.getState().arena?.msg.phase).toBe(s.phase);
    }
    emit('arena:result', { ...arenaVictory(), winner: null });
    expect(store.getState().arenaResult?.msg.winner).toBeNull();
  });

  it('ignore malformed pushes', () => {
    const { store, arena, emit, dropped } = setup();
    emit('arena:state', { matchId: 'x' });
    emit('arena:state', null);
    emit('arena:state', { ...arenaFighting(), phase: 'brawling' });
    emit('arena:state', { ...arenaFighting(), teams: [[{ name: 'x' }]] });
    emit('arena:result', { ...arenaVictory(), by: 'luck' });
    emit('arena:result', { ...arenaVictory(), ratings: [{ before: 1 }] });
    expect(dropped).toHaveLength(6);
    expect(store.getState().arena).toBeNull();
    expect(store.getState().arenaResult).toBeNull();
    expect(arena.enemies.size).toBe(0);
  });

  it('survive a reconnect into the same match', () => {
    const { store, arena, emit } = setup();
    emit('arena:state', arenaFighting());
    arena.welcome(arenaWelcome());
    expect(store.getState().arena).not.toBeNull();
  });
});

describe('fighting the other team', () => {
  function fight(store: GameStore, arena: ArenaSession) {
    const world = new WorldState(fixtureWelcome(), 0);
    world.applySnapshot(fixtureSnapshot(), 0);
    const used: CombatUse[] = [];
    const commands = {
      use: (p: CombatUse) => {
        used.push(p);
        return Promise.resolve({ ok: true, data: {} });
      },
    } as unknown as CombatCommands;
    const combat = new CombatController({
      store,
      commands,
      world: () => world,
      onProgress: () => undefined,
      enemies: () => arena.enemies,
    });
    combat.onWelcome(world);
    return { combat, used };
  }

  it('Tab takes the nearest living enemy player; the target frame shows it hostile', () => {
    const { store, arena, emit } = setup();
    emit('arena:state', arenaFighting());
    const { combat } = fight(store, arena);
    combat.tab(0, () => true);
    // Hanako (12) at 4.9 m; Razor (11) lies dead nearer; teammates are never offered
    expect(combat.targetEid).toBe(12);
    combat.publish(0, true);
    expect(store.getState().target).toMatchObject({ eid: 12, kind: 'player', hostile: true });
    combat.tab(0, () => true);
    expect(combat.targetEid).toBe(13);
  });

  it('outside an arena the same players are not targets for Tab', () => {
    const { store, arena } = setup();
    const { combat } = fight(store, arena);
    combat.tab(0, () => true);
    expect(combat.targetEid).toBeNull();
  });

  it('an attack goes at the enemy; a heal on an enemy goes to yourself', async () => {
    const { store, arena, emit } = setup();
    emit('arena:state', arenaFighting());
    const { combat, used } = fight(store, arena);
    store.setState({ bar: ['solo_power_shot', 'medtech_nano_heal'] });
    combat.setTarget(12);
    await combat.activateSlot(0, 0, () => true);
    await combat.activateSlot(1, 0, () => true);
    expect(used.map((u) => [u.ability, u.target])).toEqual([
      ['solo_power_shot', 12],
      ['medtech_nano_heal', undefined],
    ]);
    // a teammate gets the heal
    combat.setTarget(2);
    await combat.activateSlot(1, 0, () => true);
    expect(used[2]).toMatchObject({ ability: 'medtech_nano_heal', target: 2 });
  });
});

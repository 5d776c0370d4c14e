'use client';
/**
 * A dev page for the arena HUD with fixed messages (no sim needed): the real
 * ArenaSession and CombatController fed from arena-fixtures.ts through a stand-in
 * socket, the real Renderer drawing the Neon Pit, the real HUD components.
 * Bundled and screenshotted by scripts/arena-preview.ts; `?scene=` picks the state
 * (see SCENES), `?at=` freezes the animations.
 */
import { createRoot } from 'react-dom/client';
import { TRPCReactProvider } from '@/trpc/react';
import { ArenaSession } from '../arena/arena-session';
import { CombatController, dispositionOf } from '../combat/combat-controller';
import { AreaBanner } from '../hud/area-banner';
import { ArenaResult } from '../arena/arena-result';
import { ArenaScoreboard } from '../arena/arena-scoreboard';
import { InstanceTransition } from '../arena/instance-transition';
import { AbilityBar } from '../combat/ability-bar';
import { DeathScreen } from '../combat/death-screen';
import { TargetFrame } from '../combat/target-frame';
import { GameSessionContext, type GameCommands } from '../hud/game-session';
import { StickInput } from '../input/touch-stick';
import { Hud } from '../hud/hud';
import { GameStoreContext } from '../hud/store-context';
import { CombatCommands } from '../combat/combat-commands';
import type { DrawnEntity } from '../render/draw-entities';
import { Renderer } from '../render/renderer';
import { createGameStore } from '../store/game-store';
import { WorldState } from '../world/world-state';
import { standInPushes } from './stand-in-pushes';
import {
  FIXTURE_SELF_ID,
  arenaCountdown,
  arenaDefeat,
  arenaFightStart,
  arenaFighting,
  arenaVictory,
  arenaWaiting,
  fixtureSnapshot,
  fixtureWelcome,
  transferEnter,
  transferLeave,
} from './arena-fixtures';

type Emit = (event: string, msg: unknown) => void;

/** What each scene pushes, in order, as the sim would; `target` is then Tab's pick. */
const SCENES: Record<string, { selfDead?: boolean; tab?: boolean; run: (emit: Emit) => void }> = {
  waiting: { run: (emit) => emit('arena:state', arenaWaiting()) },
  countdown: { run: (emit) => emit('arena:state', arenaCountdown()) },
  'countdown-early': { run: (emit) => emit('arena:state', arenaCountdown(4_600)) },
  'fight-start': { run: (emit) => emit('arena:state', arenaFightStart()) },
  fighting: { tab: true, run: (emit) => emit('arena:state', arenaFighting()) },
  urgent: { tab: true, run: (emit) => emit('arena:state', arenaFighting(24_000)) },
  dead: {
    selfDead: true,
    run: (emit) => emit('arena:state', arenaFighting(98_000, { selfDead: true })),
  },
  victory: {
    run: (emit) => {
      emit('arena:state', arenaFighting(61_000));
      emit('arena:result', arenaVictory());
    },
  },
  defeat: {
    run: (emit) => {
      emit('arena:state', { ...arenaFighting(0), bracket: '1v1' });
      emit('arena:result', arenaDefeat());
    },
  },
  'transfer-enter': { run: (emit) => emit('instance:transfer', transferEnter()) },
  'transfer-leave': {
    run: (emit) => {
      emit('arena:result', arenaVictory());
      emit('instance:transfer', transferLeave());
    },
  },
};

const noop = () => undefined;
const stubCommands = new Proxy({} as GameCommands, {
  get: () => () => Promise.resolve(false),
});

/**
 * `?at=900`: every CSS animation frozen 900 ms in — a headless screenshot otherwise
 * catches them wherever its compositor happens to be.
 */
function freezeAnimations(ms: string | null) {
  if (!ms || !/^\d+$/.test(ms)) return;
  const style = document.createElement('style');
  style.textContent = `*, *::before, *::after { animation-delay: -${ms}ms !important; animation-play-state: paused !important; }`;
  document.head.append(style);
}

function start() {
  const params = new URLSearchParams(location.search);
  freezeAnimations(params.get('at'));
  const name = params.get('scene') ?? 'fighting';
  const scene = SCENES[name] ?? SCENES.fighting!;
  const store = createGameStore();
  const now = performance.now();
  const world = new WorldState(fixtureWelcome(!!scene.selfDead), now);
  world.applySnapshot(fixtureSnapshot(), now);

  const sim = standInPushes();
  const arena = new ArenaSession({ store, reconnect: noop, stopped: () => false });
  arena.wire(sim.pushes);
  const combat = new CombatController({
    store,
    commands: new CombatCommands(() => null),
    world: () => world,
    onProgress: noop,
    enemies: () => arena.enemies,
  });
  combat.onWelcome(world);
  store.getState().welcomed({ id: world.zone.id, name: world.zone.name });
  store.getState().pingMeasured(24);
  // a fixture: the own plate as the HUD publisher would have published it
  store.setState({
    self: { name: 'Vex', level: 12, health: world.stats.health, maxHealth: 520, x: 26, y: 20 },
  });
  scene.run(sim.emit);
  if (scene.tab) combat.tab(now, () => true);
  combat.publish(now, true);
  // the killer line of "you are out"
  if (scene.selfDead) store.getState().selfKilled('Hanako');

  const canvas = document.querySelector<HTMLCanvasElement>('.game__canvas')!;
  const renderer = new Renderer(canvas);
  const frame = (t: number) => {
    const drawn: DrawnEntity[] = [...world.others].map(([eid, e]) => ({
      eid,
      ...e.buffer.sample(t),
      name: e.info.name,
      level: e.info.level,
      health: e.info.health,
      maxHealth: e.info.maxHealth,
      kind: e.info.kind === 'npc' ? 'npc' : 'player',
      dead: !!e.info.dead,
      disposition: dispositionOf(e.info) ?? (arena.enemies.has(eid) ? 'hostile' : undefined),
    }));
    const selfPos = world.view.at(t);
    renderer.draw(
      world,
      {
        selfPos,
        self: {
          eid: 1,
          ...selfPos,
          name: 'Vex',
          level: 12,
          health: world.stats.health,
          maxHealth: 520,
          kind: 'player',
          dead: world.selfDead,
        },
        others: drawn,
        drops: [],
        reachEid: null,
        targetEid: combat.targetEid,
        texts: [],
        contacts: [],
        mapContacts: [],
        party: [],
      },
      t,
    );
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  createRoot(document.getElementById('root')!).render(
    <TRPCReactProvider>
      <GameStoreContext.Provider value={store}>
        <GameSessionContext.Provider
          value={{ characterId: FIXTURE_SELF_ID, commands: stubCommands, stick: new StickInput() }}
        >
          <Hud />
          <AreaBanner />
          <TargetFrame />
          <ArenaScoreboard />
          <AbilityBar />
          <DeathScreen />
          <ArenaResult />
          <InstanceTransition />
        </GameSessionContext.Provider>
      </GameStoreContext.Provider>
    </TRPCReactProvider>,
  );
  document.body.dataset.scene = name;
}

start();

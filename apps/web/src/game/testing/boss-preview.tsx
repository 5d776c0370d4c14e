'use client';
/**
 * A dev page for the boss bar (issue 14) with fixed store state, no sim needed: the
 * Reef Warden targeted in phase 2 with its announcement up, and the dungeon-cleared
 * toast. Bundle it like scripts/arena-preview.ts does (entry: this file) and open
 * index.html?scene=phase2 (or `full`, `hurt`, `cleared`).
 */
import { createRoot } from 'react-dom/client';
import { TRPCReactProvider } from '@/trpc/react';
import { instanceClearedText } from '../combat/boss-bar-view';
import { BossBar } from '../combat/boss-bar';
import { TargetFrame } from '../combat/target-frame';
import { GameSessionContext, type GameCommands } from '../hud/game-session';
import { StickInput } from '../input/touch-stick';
import { Hud } from '../hud/hud';
import { GameStoreContext } from '../hud/store-context';
import { Toasts } from '../hud/toasts';
import type { VisibleEntity } from '../hud/hud-view-slice';
import { createGameStore } from '../store/game-store';

const WARDEN = 40;
const warden = (health: number): VisibleEntity => ({
  eid: WARDEN,
  kind: 'npc',
  name: 'Reef Warden TDX-9',
  templateId: 'reef_warden',
  dead: false,
  health,
  maxHealth: 6000,
  x: 30,
  y: 30,
});

const stubCommands = new Proxy({} as GameCommands, {
  get: () => () => Promise.resolve(false),
});

function start() {
  const scene = new URLSearchParams(location.search).get('scene') ?? 'phase2';
  const store = createGameStore();
  const now = performance.now();
  const health = scene === 'full' ? 6000 : scene === 'hurt' ? 4100 : 2380;
  // a fixture: the state as the client would have published it
  store.setState({
    status: 'connected',
    zone: { id: 'arasaka_vault', name: 'Arasaka Data Vault' },
    self: { name: 'Vex', level: 15, health: 410, maxHealth: 520, x: 26, y: 20 },
    visible: [warden(health)],
    target:
      scene === 'hurt'
        ? null
        : {
            eid: WARDEN,
            kind: 'npc',
            name: 'Reef Warden TDX-9',
            level: 15,
            portrait: { kind: 'npc', templateId: 'reef_warden', rank: 'boss', seed: 'warden' },
            rank: 'boss',
            disposition: 'hostile',
            hostile: true,
            health,
            maxHealth: 6000,
            dead: false,
            effects: [],
            cast: null,
            distance: 6,
          },
    bossPhase:
      scene === 'phase2'
        ? {
            eid: WARDEN,
            phase: 1,
            id: 1,
            at: now,
            text: 'Hull breach. Venting coolant — purge the intruders!',
          }
        : null,
  });
  if (scene === 'cleared')
    store
      .getState()
      .toast(
        'success',
        instanceClearedText({ kind: 'dungeon', name: 'Arasaka Data Vault', closeInMs: 120_000 }),
      );
  createRoot(document.getElementById('root')!).render(
    <TRPCReactProvider>
      <GameStoreContext.Provider value={store}>
        <GameSessionContext.Provider
          value={{ characterId: 'c1', commands: stubCommands, stick: new StickInput() }}
        >
          <Hud />
          <TargetFrame />
          <BossBar />
          <Toasts />
        </GameSessionContext.Provider>
      </GameStoreContext.Provider>
    </TRPCReactProvider>,
  );
}

start();

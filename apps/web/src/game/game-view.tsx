'use client';
/** The /play screen: full-window canvas plus the React HUD and overlays. */
import { useEffect, useRef, useState } from 'react';
import { useTRPCClient } from '@/trpc/react';
import { GameClient } from './game-client';
import { EscapeMenu } from './hud/escape-menu';
import { FatalOverlay } from './hud/fatal-overlay';
import { Hud } from './hud/hud';
import { KickedOverlay } from './hud/kicked-overlay';
import { GameStoreContext } from './hud/store-context';
import { Toasts } from './hud/toasts';
import { VisiblePlayers } from './hud/visible-players';
import { createGameStore } from './store/game-store';

export function GameView({ characterId }: { characterId: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const clientRef = useRef<GameClient | null>(null);
  const [store] = useState(createGameStore);
  const trpc = useTRPCClient();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const client = new GameClient({
      canvas,
      store,
      enter: () => trpc.character.enter.mutate({ characterId }),
    });
    clientRef.current = client;
    client.start();
    return () => {
      client.stop();
      clientRef.current = null;
    };
  }, [characterId, store, trpc]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const s = store.getState();
      if (s.kicked || s.fatal) return;
      s.setMenuOpen(!s.menuOpen);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const reconnect = () => clientRef.current?.reconnect();

  return (
    <GameStoreContext.Provider value={store}>
      <div className="game" data-testid="game-root">
        <canvas
          ref={canvasRef}
          className="game__canvas"
          data-testid="game-canvas"
          aria-label="Game view"
          tabIndex={0}
        />
        <Hud />
        <Toasts />
        <VisiblePlayers />
        <EscapeMenu />
        <KickedOverlay onReconnect={reconnect} />
        <FatalOverlay onRetry={reconnect} characterId={characterId} />
      </div>
    </GameStoreContext.Provider>
  );
}

'use client';
/** The /play screen: full-window canvas plus the React HUD, windows and overlays. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { GameClient } from './game-client';
import { ActionBar } from './hud/action-bar';
import { AbilityBar } from './hud/combat/ability-bar';
import { CastBar } from './hud/combat/cast-bar';
import { CombatFlash } from './hud/combat/combat-flash';
import { CombatLogPanel } from './hud/combat/combat-log-panel';
import { DeathScreen } from './hud/combat/death-screen';
import { TargetFrame } from './hud/combat/target-frame';
import { XpBar } from './hud/combat/xp-bar';
import { CharacterSheet } from './hud/character/character-sheet';
import { EscapeMenu } from './hud/escape-menu';
import { FatalOverlay } from './hud/fatal-overlay';
import { GameDialog } from './hud/game-dialog';
import { GameSessionContext, type GameCommands } from './hud/game-session';
import { GroundLists } from './hud/ground-lists';
import { Hud } from './hud/hud';
import { InteractionHint } from './hud/interaction-hint';
import { BankPanel } from './hud/items/bank-panel';
import { InventoryPanel } from './hud/items/inventory-panel';
import { ItemOverlays } from './hud/items/item-overlays';
import { KickedOverlay } from './hud/kicked-overlay';
import { GameStoreContext } from './hud/store-context';
import { Toasts } from './hud/toasts';
import { useHotkeys } from './hud/use-hotkeys';
import { VisiblePlayers } from './hud/visible-players';
import { resolveDrop } from './items/drag';
import { createGameStore } from './store/game-store';

export function GameView({ characterId }: { characterId: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const clientRef = useRef<GameClient | null>(null);
  const [store] = useState(createGameStore);
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const client = new GameClient({
      canvas,
      store,
      characterId,
      enter: () => trpcClient.character.enter.mutate({ characterId }),
      onInventoryChanged: () =>
        void queryClient.invalidateQueries(trpc.inventory.get.queryFilter({ characterId })),
      // XP and levels (and the attribute points they bring) live on the sheet
      onProgress: () =>
        void queryClient.invalidateQueries(trpc.progression.sheet.queryFilter({ characterId })),
    });
    clientRef.current = client;
    client.start();
    return () => {
      client.stop();
      clientRef.current = null;
    };
  }, [characterId, store, trpc, trpcClient, queryClient]);

  // stable for the lifetime of the view; the client behind it may be replaced
  const commands = useMemo<GameCommands>(
    () => ({
      interact: () => clientRef.current?.interact(),
      toggleBank: () => clientRef.current?.toggleBank(),
      dropToGround: (itemId, quantity) =>
        clientRef.current?.dropToGround(itemId, quantity) ?? Promise.resolve(false),
      refreshStats: () => clientRef.current?.refreshStats() ?? Promise.resolve(),
      tabTarget: () => clientRef.current?.tabTarget(),
      clearTarget: () => clientRef.current?.clearTarget() ?? false,
      activateSlot: (slot) => clientRef.current?.activateSlot(slot),
      respawn: () => clientRef.current?.respawn(),
      // PLACEHOLDERS (lead): the world/net engineer wires these to the game client
      talk: (contactId) => {
        const s = store.getState();
        const id = contactId ?? s.contactNear?.id;
        if (id) s.openDialogue(id);
      },
      travel: () => Promise.resolve(false),
      useItem: () => Promise.resolve(false),
    }),
    [store],
  );
  const session = useMemo(() => ({ characterId, commands }), [characterId, commands]);
  useHotkeys(store, commands);

  const reconnect = () => clientRef.current?.reconnect();

  const onCanvasClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    clientRef.current?.clickAt(e.clientX - r.left, e.clientY - r.top);
  };
  // an item dragged out of a window onto the map is dropped on the street
  const onCanvasDragOver = (e: DragEvent) => {
    if (!store.getState().drag) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  };
  const onCanvasDrop = (e: DragEvent) => {
    e.preventDefault();
    const s = store.getState();
    const p = s.drag;
    s.setDrag(null);
    if (!p) return;
    const intent = resolveDrop(p, { container: 'ground' });
    if (intent?.kind === 'ground') void commands.dropToGround(intent.itemId);
    else if (intent?.kind === 'refuse') s.toast('info', intent.reason);
  };

  return (
    <GameStoreContext.Provider value={store}>
      <GameSessionContext.Provider value={session}>
        <div className="game" data-testid="game-root">
          <canvas
            ref={canvasRef}
            className="game__canvas"
            data-testid="game-canvas"
            aria-label="Game view"
            tabIndex={0}
            onClick={onCanvasClick}
            onDragOver={onCanvasDragOver}
            onDrop={onCanvasDrop}
          />
          <Hud />
          <TargetFrame />
          <InteractionHint />
          <CastBar />
          <AbilityBar />
          <XpBar />
          <ActionBar />
          <CombatLogPanel />
          <CharacterSheet />
          <BankPanel />
          <InventoryPanel />
          <ItemOverlays />
          <Toasts />
          <VisiblePlayers />
          <GroundLists />
          <CombatFlash />
          <DeathScreen />
          <GameDialog />
          <EscapeMenu />
          <KickedOverlay onReconnect={reconnect} />
          <FatalOverlay onRetry={reconnect} characterId={characterId} />
        </div>
      </GameSessionContext.Provider>
    </GameStoreContext.Provider>
  );
}

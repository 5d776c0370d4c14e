'use client';
/** The /play screen: full-window canvas plus the React HUD, windows and overlays. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { receiveAchievementNotification } from './achievements/use-achievements';
import { chatHudCommands } from './chat/chat-hud-commands';
import { combatHudCommands } from './combat/combat-hud-commands';
import { receiveFriendPresence } from './friends/use-friends';
import { receiveGuildChange } from './guild/use-guild';
import { GameClient } from './game-client';
import { withRaidToken } from './instances/raid-entry';
import { GameSessionContext, type GameCommands } from './hud/game-session';
import { OVERLAYS } from './hud/overlays';
import { receiveNotification } from './notifications/use-notifications';
import { receiveMailNotification } from './mail/use-mail';
import { receiveAuctionNotification } from './auction/use-auction';
import { receiveMarketNotification } from './market/use-market';
import { receiveContractNotification, receiveContractProgress } from './contracts/use-contracts';
import { GameStoreContext } from './hud/store-context';
import { useHotkeys } from './hud/use-hotkeys';
import { StickInput } from './input/touch-stick';
import { resolveDrop } from './items/drag';
import { itemHudCommands } from './items/item-hud-commands';
import { matchHudCommands } from './matchmaking/match-hud-commands';
import { partyHudCommands } from './party/party-hud-commands';
import { tradeHudCommands } from './trade/trade-hud-commands';
import { worldHudCommands } from './world/world-hud-commands';
import { createGameStore } from './store/game-store';

export function GameView({ characterId }: { characterId: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const clientRef = useRef<GameClient | null>(null);
  const [store] = useState(createGameStore);
  const [stick] = useState(() => new StickInput());
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
      stick,
      // in a raid the ticket comes with the group's quantum_sync_token (instances/raid-entry.ts)
      enter: withRaidToken(
        () => trpcClient.character.enter.mutate({ characterId }),
        () => trpcClient.raid.syncToken.mutate({ characterId }),
      ),
      onInventoryChanged: () =>
        void queryClient.invalidateQueries(trpc.inventory.get.queryFilter({ characterId })),
      // XP and levels (and the attribute points they bring) live on the sheet
      onProgress: () =>
        void queryClient.invalidateQueries(trpc.progression.sheet.queryFilter({ characterId })),
      // progress, ready and failures pushed by the sim: the log, tracker and markers refetch
      onQuestUpdate: () =>
        void queryClient.invalidateQueries(trpc.quests.log.queryFilter({ characterId })),
      onReputationChanged: () =>
        void queryClient.invalidateQueries(trpc.reputation.list.queryFilter({ characterId })),
      onNotification: (msg) => {
        receiveNotification({ queryClient, trpc, characterId, toast: store.getState().toast }, msg);
        // mail arrived / cash on delivery paid: the inbox (and the purse) are read again
        receiveMailNotification({ queryClient, trpc, characterId }, msg);
        // outbid, sold, won, ended on the Reef Exchange: its lists and the purse are read again
        receiveAuctionNotification({ queryClient, trpc, characterId }, msg);
        // an order of yours traded or expired on the market: its book and orders are read again
        receiveMarketNotification({ queryClient, trpc, characterId }, msg);
        // a contract of yours was taken, delivered, settled or ruled: its lists and the purse
        receiveContractNotification({ queryClient, trpc, characterId }, msg);
        // an achievement earned: an open achievement window shows it
        receiveAchievementNotification({ queryClient, trpc, characterId }, msg);
      },
      // a kill or craft contract of yours counted one more: my contracts are read again
      onContractProgress: () => receiveContractProgress({ queryClient, trpc }),
      // a friend came online, went AFK, rode the metro or left: their row changes in place
      onFriendPresence: (msg) =>
        receiveFriendPresence(
          { queryClient, trpc, characterId, toast: store.getState().toast },
          msg,
        ),
      // guild:update / guild:invited: the guild window and the action bar read again
      onGuildChange: () => receiveGuildChange({ queryClient, trpc }),
    });
    clientRef.current = client;
    client.start();
    return () => {
      client.stop();
      clientRef.current = null;
    };
  }, [characterId, store, stick, trpc, trpcClient, queryClient]);

  // stable for the lifetime of the view; the client behind it may be replaced
  const commands = useMemo<GameCommands>(() => {
    const client = () => clientRef.current;
    return {
      ...worldHudCommands(client),
      ...itemHudCommands(client),
      ...combatHudCommands(client),
      ...chatHudCommands(client, store),
      ...partyHudCommands(client, store),
      ...tradeHudCommands(client),
      ...matchHudCommands(client),
      setOwnTitle: (title) => client()?.setOwnTitle(title),
      reconnect: () => client()?.reconnect(),
    };
  }, [store]);
  const session = useMemo(() => ({ characterId, commands, stick }), [characterId, commands, stick]);
  useHotkeys(store, commands);

  // right-click on another player: the player menu (whisper, invite, friend, ignore)
  const onCanvasContextMenu = (e: MouseEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    const r = e.currentTarget.getBoundingClientRect();
    const name = clientRef.current?.interactions.playerAt(e.clientX - r.left, e.clientY - r.top);
    store.getState().setPlayerMenu(name ? { x: e.clientX, y: e.clientY, name } : null);
  };
  const onCanvasClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    clientRef.current?.interactions.clickAt(e.clientX - r.left, e.clientY - r.top);
  };
  // a hand over contacts: they can be clicked to talk
  const onCanvasMove = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const over =
      clientRef.current?.interactions.hoverAt(e.clientX - r.left, e.clientY - r.top) ?? false;
    e.currentTarget.style.cursor = over ? 'pointer' : '';
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
            onContextMenu={onCanvasContextMenu}
            onMouseMove={onCanvasMove}
            onDragOver={onCanvasDragOver}
            onDrop={onCanvasDrop}
          />
          {OVERLAYS.map((Overlay, i) => (
            <Overlay key={i} />
          ))}
        </div>
      </GameSessionContext.Provider>
    </GameStoreContext.Provider>
  );
}

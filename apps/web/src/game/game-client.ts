/**
 * The game client's core: the world state, the input sampler and the frame loop; each
 * feature (chat, party, match, arena, …) wires its own listeners to every new socket
 * (net/socket-feature.ts). Framework-free; the React view creates one per mount.
 */
import { SnapshotReader, distance, type CharStatsMsg, type SnapshotMsg } from '@necp/shared';
import { ArenaSession } from './arena/arena-session';
import { CombatController, dispositionOf } from './combat/combat-controller';
import { friendPushes } from './friends/friend-pushes';
import { guildPushes } from './guild/guild-pushes';
import { HudPublisher } from './hud/hud-publisher';
import { KeyboardInput } from './input/keyboard';
import { canMove } from './input/can-move';
import type { GameClientOptions } from './game-client-options';
import { InputSampler } from './input/input-sampler';
import { combineDirections } from './input/touch-stick';
import { ChatCommands } from './chat/chat-commands';
import { CombatCommands } from './combat/combat-commands';
import { ConnectionWatch } from './net/connection-watch';
import { receivePushes } from './net/push-receiver';
import { endOnUnreadableWelcome } from './net/welcome-guard';
import { InstanceCommands } from './instances/instance-commands';
import { ItemCommands } from './items/item-commands';
import { MatchCommands } from './matchmaking/match-commands';
import { PartyCommands } from './party/party-commands';
import { TradeCommands } from './trade/trade-commands';
import { SimLink } from './net/sim-link';
import { soundEngine } from './sound/engine-instance';
import { SoundDirector } from './sound/sound-director';
import type { SimSocketHandle } from './net/sim-socket';
import type { SocketFeature } from './net/socket-feature';
import { notificationPushes } from './notifications/notification-pushes';
import { contractPushes } from './contracts/contract-pushes';
import { questPushes } from './quests/quest-pushes';
import type { ClientView } from './render/client-view';
import { displaySettings } from './render/display-settings';
import { FrameLoop } from './render/frame-loop';
import { FramePainter } from './render/frame-painter';
import { Renderer } from './render/renderer';
import { installTestHook } from './test-hook';
import { serverNow } from './time/server-clock';
import { testViewOf } from './test-view';
import { Interactions } from './world/interactions';
import { WorldState } from './world/world-state';
import { ZoneTransitions } from './world/zone-transitions';

export type { GameClientOptions } from './game-client-options';

export class GameClient {
  private world: WorldState | null = null;
  /** the snapshot stream's small-id table (reset with every welcome) */
  private readonly snapshots = new SnapshotReader();
  /** entering, the socket, moving to another sim process (net/sim-link.ts) */
  private readonly link: SimLink;
  private keyboard = new KeyboardInput();
  private sampler: InputSampler;
  private renderer: Renderer;
  private stopped = false;
  /** paints the canvas and publishes the HUD each frame, under the player's cap */
  private readonly frames = new FrameLoop(
    (now) => {
      this.painter.paint(now);
      this.hud.publish(now);
    },
    () => displaySettings.get().maxFps,
  );
  private cleanups: (() => void)[] = [];
  /** the status line, kicks, retries, the ping and the server clock's offset */
  private readonly connection: ConnectionWatch;
  /** the metro, welcomes' greetings, area banners (world/zone-transitions.ts) */
  readonly transitions: ZoneTransitions;
  /** the title chosen here (achievements.setTitle; null: none) until the sim says it; undefined: the sim's */
  private ownTitle: string | null | undefined = undefined;
  readonly items: ItemCommands;
  readonly chat: ChatCommands;
  readonly party: PartyCommands;
  readonly trade: TradeCommands;
  /** matchmaking: queues, the ready check (matchmaking/match-commands.ts) */
  readonly match: MatchCommands;
  /** leaving an instance, a dungeon group's changes (instances/instance-commands.ts) */
  readonly instances: InstanceCommands;
  readonly combat: CombatController;
  /** instance transfers, the arena's scoreboard and result, its enemies */
  readonly arena: ArenaSession;
  /** talk, F, the terminals, clicks and the pointer on the map (world/interactions.ts) */
  readonly interactions: Interactions;
  /** what the canvas, the HUD and the tests' window read (render/client-view.ts) */
  private readonly view: ClientView;
  private readonly painter: FramePainter;
  private readonly hud: HudPublisher;
  /** what hears the sim's pushes, wired on every new socket (net/socket-feature.ts) */
  private readonly features: readonly SocketFeature[];
  /** what the player hears (sound/) */
  private readonly sound: SoundDirector;

  constructor(private opts: GameClientOptions) {
    this.renderer = new Renderer(opts.canvas);
    this.link = new SimLink({
      store: opts.store,
      enter: opts.enter,
      stopped: () => this.stopped,
      wire: (handle) => this.wire(handle),
      dropped: () => this.connection.stop(),
    });
    this.transitions = new ZoneTransitions({
      store: opts.store,
      world: () => this.world,
      socket: () => this.link.socket,
      everConnected: () => this.connection.everConnected,
      onLeft: () => (this.interactions.reach = null),
      reconnectElsewhere: () => this.link.moveElsewhere(),
    });
    this.connection = new ConnectionWatch({
      store: opts.store,
      stopped: () => this.stopped,
      followZone: (msg) => this.link.followZone(msg),
    });
    this.arena = new ArenaSession({
      store: opts.store,
      reconnect: () => this.link.followInstance(),
      stopped: () => this.stopped,
    });
    this.combat = new CombatController({
      store: opts.store,
      commands: new CombatCommands(() => this.link.socket),
      world: () => this.world,
      onProgress: opts.onProgress,
      enemies: () => this.arena.enemies,
    });
    // what the socket features share: the socket and the store
    const feed = { socket: () => this.link.socket, store: opts.store };
    this.items = new ItemCommands({ ...feed, onInventoryChanged: opts.onInventoryChanged });
    this.party = new PartyCommands({ ...feed, selfId: opts.characterId });
    this.trade = new TradeCommands({ ...feed, onInventoryChanged: opts.onInventoryChanged });
    this.match = new MatchCommands(feed);
    this.instances = new InstanceCommands(feed);
    this.interactions = new Interactions({
      store: opts.store,
      world: () => this.world,
      renderer: this.renderer,
      items: this.items,
      combat: this.combat,
    });
    this.view = {
      store: opts.store,
      characterId: opts.characterId,
      renderer: this.renderer,
      combat: this.combat,
      interactions: this.interactions,
      world: () => this.world,
      serverNow,
      partyId: () => this.store.party.party?.id ?? null,
      disposition: (eid, info) =>
        dispositionOf(info) ?? (this.arena.enemies.has(eid) ? 'hostile' : null),
      selfTitle: (world) =>
        this.ownTitle !== undefined ? this.ownTitle : (world.self.title ?? null),
    };
    this.painter = new FramePainter(this.view);
    this.hud = new HudPublisher(this.view);
    this.chat = new ChatCommands({
      socket: () => this.link.socket,
      store: opts.store,
      selfId: opts.characterId,
      invite: (name) => this.party.invite(name, this.party.chatLine),
      trade: (name) => this.trade.request(name, this.trade.chatLine),
    });
    const { store, characterId: selfId } = opts;
    this.sound = new SoundDirector({
      engine: soundEngine(),
      store,
      selfId,
      world: () => this.world,
    });
    // match:status also comes on every connect (a reload restores the queue)
    this.features = [
      this.sound,
      this.match,
      this.instances,
      this.arena,
      this.chat,
      this.party,
      this.trade,
      questPushes(opts),
      notificationPushes(opts.onNotification),
      contractPushes(opts.onContractProgress),
      friendPushes(opts.onFriendPresence),
      guildPushes(opts.onGuildChange),
    ];
    this.sampler = new InputSampler(
      () =>
        canMove(this.store, this.world)
          ? combineDirections(this.keyboard.direction(), opts.stick?.direction() ?? null)
          : null,
      (chunks, now) => {
        const socket = this.link.socket;
        const world = this.world;
        if (!world || !socket?.connected) return;
        const from = world.predictor.pos;
        for (const input of world.move(chunks, now)) socket.emit('zone:move', input);
        this.sound.walked(distance(from, world.predictor.pos));
      },
    );
  }

  start() {
    this.frames.start();
    this.sampler.start();
    this.cleanups.push(
      installTestHook(() => ({
        ...testViewOf(this.view),
        keys: this.keyboard.heldCodes(),
        frames: { cap: this.frames.cap, painted: this.frames.painted },
      })),
    );
    void this.link.open();
  }

  /** Try again after a fatal error or a shutdown kick (never automatic after a takeover). */
  reconnect() {
    this.link.reconnect();
  }

  stop() {
    this.stopped = true;
    this.frames.stop();
    this.sampler.stop();
    this.keyboard.dispose();
    this.transitions.stop();
    this.arena.stop();
    this.sound.stop();
    for (const c of this.cleanups) c();
    this.connection.stop();
    this.link.close();
  }

  private get store() {
    return this.opts.store.getState();
  }

  private wire(handle: SimSocketHandle) {
    const { socket } = handle;
    // every push of this socket is parsed there before anything here sees it
    const pushes = receivePushes(socket);
    this.connection.wire(handle, pushes);
    for (const f of this.features) f.wire(pushes);
    // a welcome this build cannot read ends the session as out of date (net/welcome-guard.ts)
    pushes.on(
      'zone:welcome',
      (msg) => {
        const previousZone = this.world?.zone.id ?? this.store.zone?.id ?? null;
        this.world = new WorldState(msg, performance.now());
        this.snapshots.reset(msg.self.eid, msg.self);
        // char:stats may have arrived first (it is sent at connect)
        const stats = this.store.charStats;
        if (stats) this.world.setStats(stats);
        this.combat.onWelcome(this.world);
        // eids are new: a boss phase seen before names nobody now
        this.store.bossPhaseCleared();
        if (previousZone !== null && previousZone !== msg.zone.id) this.transitions.left();
        this.store.welcomed({ id: msg.zone.id, name: msg.zone.name });
        // the end of an instance transfer greets by itself
        if (!this.arena.welcome(msg)) this.transitions.greet(msg);
        this.connection.everConnected = true;
        this.hud.invalidate();
        this.hud.publish(performance.now(), true);
      },
      endOnUnreadableWelcome(socket, (fatal) => this.store.connectionFailed(fatal)),
    );
    pushes.on('zone:area', (msg) => this.transitions.area(msg));
    // the binary stream is read by its own codec (SnapshotReader), not the push receiver
    socket.on('zone:snapshot', (frame) => {
      if (!this.world) return;
      let msg: SnapshotMsg;
      try {
        msg = this.snapshots.read(frame);
      } catch (err) {
        // a frame we cannot place means our copy of the view is off: reconnect for a fresh one
        console.warn('bad snapshot frame, reconnecting', err);
        socket.disconnect().connect();
        return;
      }
      const now = performance.now();
      const events = this.world.applySnapshot(msg, now);
      this.combat.onEvents(events, now);
      this.sound.onCombat(events, now);
    });
    pushes.on('char:stats', (msg) => this.applyStats(msg));
    pushes.on('progress:xp', (msg) => {
      this.combat.onXp(msg, performance.now());
      this.hud.publish(performance.now(), true);
    });
  }

  private applyStats(s: CharStatsMsg) {
    // the welcome may still be on its way: the store keeps it, the world picks it up below
    this.store.charStatsReceived(s);
    this.world?.setStats(s);
    this.hud.publish(performance.now(), true);
  }

  /** On screen now (Tab and abilities pick targets among what the player sees). */
  readonly inView = (p: { x: number; y: number }) => this.renderer.inView(p);

  /** The achievement title the player chose (null: none): its own plate shows it at once. */
  setOwnTitle(title: string | null): void {
    this.ownTitle = title;
  }
}

/**
 * The game client: connects to the sim, turns keys into predicted movement,
 * applies snapshots, draws every animation frame and publishes HUD state.
 * Framework-free; the React view creates one per mount and stops it on unmount.
 */
import {
  BANK_RANGE,
  CRATE_RANGE,
  MAIL_RANGE,
  METRO_SERVER_SLACK,
  PICKUP_RANGE,
  SnapshotReader,
  contactById,
  distance,
  type AreaEnteredMsg,
  type CharStatsMsg,
  type EntityInfo,
  type FriendPresenceMsg,
  type KickMsg,
  type QuestUpdateMsg,
  type ReputationChangedMsg,
  type SimTicket,
  type SnapshotMsg,
  type XpGainMsg,
} from '@necp/shared';
import { ArenaSession } from './arena/arena-session';
import { CombatController, dispositionOf } from './combat/combat-controller';
import { phaseEventView } from './combat/boss-bar';
import { npcTemplate } from './combat/content';
import { friendPushes } from './friends/friend-pushes';
import { guildPushes } from './guild/guild-pushes';
import { notificationPushes } from './notifications/notification-pushes';
import type { PushedNotification } from './notifications/notification-list';
import { questPushes } from './quests/quest-pushes';
import { entityAt } from './combat/targeting';
import { KeyboardInput } from './input/keyboard';
import { InputSampler } from './input/input-sampler';
import { combineDirections, type StickInput } from './input/touch-stick';
import { ChatCommands } from './net/chat-commands';
import { PartyCommands } from './net/party-commands';
import { InstanceCommands } from './net/instance-commands';
import { MatchCommands } from './net/match-commands';
import { partyFrames, partyMarkers } from './party/party-state';
import type { PartyMarker } from './render/draw-party';
import { CombatCommands } from './net/combat-commands';
import { ItemCommands } from './net/item-commands';
import { connectSim, type SimSocketHandle } from './net/sim-socket';
import type { SocketFeature } from './net/socket-feature';
import { ConnectionWatch } from './net/connection-watch';
import { describeEnterError, isZoneStarting } from './net/errors';
import { contactHitBox, type DrawnContact } from './render/draw-contacts';
import type { DrawnEntity } from './render/draw-entities';
import type { DrawnDrop } from './render/draw-loot';
import { Renderer } from './render/renderer';
import type { GameState, GameStore, VisibleEntity } from './store/game-store';
import type { VisibleDrop } from './store/ui-types';
import {
  NEAR_RANGE,
  contactPosition,
  mapContacts,
  nearestContact,
  outOfTalkRange,
  stationInRange,
  type MapContact,
} from './world/contacts';
import { bankInRange, canLoot, nearestReachable, type Reachable } from './world/interaction';
import { mailTerminalInRange } from './mail/mail-view';
import { frameGuide } from './tutorial/guide';
import { installTestHook, type NecpTestView } from './test-hook';
import { WorldState } from './world/world-state';
import { ZoneTransitions } from './world/zone-transitions';

const HUD_PUBLISH_MS = 100;
/** a click this many screen pixels from a drop/crate/terminal counts as clicking it */
const CLICK_TOLERANCE_PX = 22;
/** characters are bigger targets than loot markers */
const ENTITY_CLICK_PX = 26;
/** how many times entering asks again while the zone has no sim process (one a second; takeover ≤ 5 s) */
const ZONE_WAIT_ATTEMPTS = 20;

export interface GameClientOptions {
  canvas: HTMLCanvasElement;
  store: GameStore;
  /** mints a fresh sim ticket for this character (tRPC character.enter) */
  enter: () => Promise<SimTicket>;
  characterId: string;
  /** the sim changed bag/eddies (pickup, drop, crate): refetch the inventory */
  onInventoryChanged: () => void;
  /** XP or level changed (progress:xp): refetch the character sheet */
  onProgress: () => void;
  /** quest:update — a quest changed outside a request (kill, pickup, area, use, failure): refetch the log */
  onQuestUpdate: (msg: QuestUpdateMsg) => void;
  /** reputation:changed — standings moved (kills): refetch the reputation list */
  onReputationChanged: (msg: ReputationChangedMsg) => void;
  /** friend:presence — a friend came online, went AFK, changed district or left */
  onFriendPresence: (msg: FriendPresenceMsg) => void;
  /** notification:new — a notification for this character (the bell) */
  onNotification?: (msg: PushedNotification) => void;
  /** guild:update / guild:invited — your guild, its roster or your invitations changed */
  onGuildChange?: () => void;
  /** the on-screen stick of touch devices: moves like WASD when no key is held */
  stick?: StickInput;
}

export class GameClient {
  private world: WorldState | null = null;
  /** the snapshot stream's small-id table (reset with every welcome) */
  private readonly snapshots = new SnapshotReader();
  private net: SimSocketHandle | null = null;
  private keyboard = new KeyboardInput();
  private sampler: InputSampler;
  private renderer: Renderer;
  private stopped = false;
  private frame = 0;
  private cleanups: (() => void)[] = [];
  private lastHud = 0;
  private lastHudKey = '';
  /** the status line, kicks, retries, the ping and the server clock's offset */
  private readonly connection: ConnectionWatch;
  private reach: Reachable | null = null;
  /** minimap contacts, rebuilt only when the zone or the markers change */
  private mapContacts: { zoneId: string; markers: object; list: MapContact[] } | null = null;
  /** the metro, welcomes' greetings, area banners (world/zone-transitions.ts) */
  private readonly transitions: ZoneTransitions;
  /**
   * the title this player chose here (achievements.setTitle; null: none): drawn at
   * once, before the sim describes it again; undefined: the sim's (welcome)
   */
  private ownTitle: string | null | undefined = undefined;
  readonly items: ItemCommands;
  readonly chat: ChatCommands;
  readonly party: PartyCommands;
  /** matchmaking: queues, the ready check (net/match-commands.ts) */
  readonly match: MatchCommands;
  /** leaving an instance, a dungeon group's changes (net/instance-commands.ts) */
  readonly instances: InstanceCommands;
  readonly combat: CombatController;
  /** instance transfers, the arena's scoreboard and result, its enemies */
  readonly arena: ArenaSession;
  /** what hears the sim's pushes, wired on every new socket (net/socket-feature.ts) */
  private readonly features: readonly SocketFeature[];

  constructor(private opts: GameClientOptions) {
    this.renderer = new Renderer(opts.canvas);
    this.transitions = new ZoneTransitions({
      store: opts.store,
      world: () => this.world,
      socket: () => this.net?.socket ?? null,
      everConnected: () => this.connection.everConnected,
      onLeft: () => (this.reach = null),
      reconnectElsewhere: () => {
        this.dropSocket();
        void this.enterAndConnect();
      },
    });
    this.connection = new ConnectionWatch({
      store: opts.store,
      stopped: () => this.stopped,
      followZone: (msg) => this.followZone(msg),
    });
    this.arena = new ArenaSession({
      store: opts.store,
      reconnect: () => this.followInstance(),
      stopped: () => this.stopped,
    });
    this.combat = new CombatController({
      store: opts.store,
      commands: new CombatCommands(() => this.net?.socket ?? null),
      world: () => this.world,
      onProgress: opts.onProgress,
      enemies: () => this.arena.enemies,
    });
    this.items = new ItemCommands({
      socket: () => this.net?.socket ?? null,
      store: opts.store,
      onInventoryChanged: opts.onInventoryChanged,
    });
    this.party = new PartyCommands({
      socket: () => this.net?.socket ?? null,
      store: opts.store,
      selfId: opts.characterId,
      clockOffset: () => this.connection.clockOffset,
    });
    this.match = new MatchCommands({ socket: () => this.net?.socket ?? null, store: opts.store });
    this.instances = new InstanceCommands({
      socket: () => this.net?.socket ?? null,
      store: opts.store,
    });
    this.chat = new ChatCommands({
      socket: () => this.net?.socket ?? null,
      store: opts.store,
      selfId: opts.characterId,
      invite: (name) => this.party.invite(name, this.party.chatLine),
    });
    // match:status also comes on every connect (a reload restores the queue)
    this.features = [
      this.match,
      this.instances,
      this.arena,
      this.chat,
      this.party,
      questPushes(opts),
      notificationPushes(opts.onNotification),
      friendPushes(opts.onFriendPresence),
      guildPushes(opts.onGuildChange),
    ];
    this.sampler = new InputSampler(
      () =>
        this.canMove()
          ? combineDirections(this.keyboard.direction(), opts.stick?.direction() ?? null)
          : null,
      (chunks, now) => {
        const socket = this.net?.socket;
        if (!this.world || !socket?.connected) return;
        for (const input of this.world.move(chunks, now)) socket.emit('zone:move', input);
      },
    );
  }

  start() {
    this.frame = requestAnimationFrame(this.loop);
    this.sampler.start();
    this.cleanups.push(installTestHook(() => this.testView()));
    void this.enterAndConnect();
  }

  private async enterAndConnect() {
    let first: SimTicket;
    try {
      first = await this.enterWhenOpen();
    } catch (err) {
      if (!this.stopped) this.patch({ status: 'offline', fatal: describeEnterError(err) });
      return;
    }
    if (this.stopped) return;
    this.connectTo(first);
  }

  /** A socket to the sim `first` names; a later ticket naming another sim moves us there. */
  private connectTo(first: SimTicket) {
    this.net = connectSim(first, this.opts.enter, (moved) => {
      this.dropSocket();
      if (!this.stopped) this.connectTo(moved);
    });
    this.wire(this.net);
  }

  /** Forgets the current socket quietly: its disconnect is no news to the player. */
  private dropSocket() {
    const old = this.net;
    this.net = null;
    this.connection.stop();
    old?.socket.removeAllListeners();
    old?.socket.disconnect();
  }

  /**
   * `character.enter`; while the zone is between sim processes (SERVICE_UNAVAILABLE:
   * one is starting or taking over, within seconds) it asks again every second.
   */
  private async enterWhenOpen(): Promise<SimTicket> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.opts.enter();
      } catch (err) {
        if (this.stopped || !isZoneStarting(err) || attempt >= ZONE_WAIT_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /**
   * This sim process no longer owns the zone (kicked with zone_moved): drop the
   * connection and enter again — the new ticket names the new owner's URL.
   */
  private followZone(msg: KickMsg) {
    this.dropSocket();
    this.patch({ status: 'reconnecting', pingMs: null });
    this.store.toast('warn', msg.message);
    void this.enterAndConnect();
  }

  /**
   * instance:transfer: the character moved into or out of an instance, usually on
   * another sim process. Leave this connection quietly (no "connection lost") and
   * enter again; the transition stays up until the next welcome.
   */
  private followInstance() {
    this.dropSocket();
    this.patch({ status: 'connecting', pingMs: null });
    void this.enterAndConnect();
  }

  /** Try again after a fatal error or a shutdown kick (never automatic after a takeover). */
  reconnect() {
    this.patch({ fatal: null, kicked: null, status: 'connecting' });
    if (this.net) this.net.socket.connect();
    else void this.enterAndConnect();
  }

  stop() {
    this.stopped = true;
    cancelAnimationFrame(this.frame);
    this.sampler.stop();
    this.keyboard.dispose();
    this.transitions.stop();
    this.arena.stop();
    for (const c of this.cleanups) c();
    this.connection.stop();
    this.net?.socket.removeAllListeners();
    this.net?.socket.disconnect();
  }

  private get store() {
    return this.opts.store.getState();
  }
  private patch(p: Partial<GameState>) {
    this.opts.store.setState(p);
  }

  private canMove() {
    const s = this.store;
    return (
      !s.menuOpen &&
      !s.kicked &&
      !s.fatal &&
      !s.ride &&
      !s.transfer &&
      s.status === 'connected' &&
      !this.world?.selfDead
    );
  }

  private wire(handle: SimSocketHandle) {
    const { socket } = handle;
    this.connection.wire(handle);
    for (const f of this.features) f.wire(socket);
    socket.on('zone:welcome', (msg) => {
      const previousZone = this.world?.zone.id ?? this.store.zone?.id ?? null;
      this.world = new WorldState(msg, performance.now());
      this.snapshots.reset(msg.self.eid, msg.self);
      // char:stats may have arrived first (it is sent at connect)
      const stats = this.store.charStats;
      if (stats) this.world.setStats(stats);
      this.combat.onWelcome(this.world);
      // eids are new: a boss phase seen before names nobody now
      this.patch({ bossPhase: null });
      if (previousZone !== null && previousZone !== msg.zone.id) this.transitions.left();
      this.patch({ zone: { id: msg.zone.id, name: msg.zone.name }, status: 'connected' });
      // the end of an instance transfer greets by itself
      if (!this.arena.welcome(msg)) this.transitions.greet(msg);
      this.connection.everConnected = true;
      this.lastHudKey = '';
      this.publishHud(performance.now(), true);
    });
    socket.on('zone:area', (msg: AreaEnteredMsg) => this.transitions.area(msg));
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
      // a boss entered a phase: the boss bar's phase and its announcement
      const phase = phaseEventView(
        events,
        (eid) => {
          const info = this.world?.others.get(eid)?.info;
          return npcTemplate(info?.templateId)?.boss?.phases;
        },
        now,
      );
      if (phase) this.patch({ bossPhase: phase });
    });
    socket.on('char:stats', (msg) => this.applyStats(msg));
    socket.on('progress:xp', (msg: XpGainMsg) => {
      this.combat.onXp(msg, performance.now());
      this.publishHud(performance.now(), true);
    });
  }

  /** Ride the metro from the station in range to `toZoneId` (zone:travel). */
  travel(toZoneId: string): Promise<boolean> {
    return this.transitions.travel(toZoneId);
  }

  /** E / a click on a contact: open the conversation when in talk range. */
  talk(contactId?: string) {
    const s = this.store;
    const world = this.world;
    if (!world) return;
    if (world.selfDead) {
      s.toast('warn', "You're flatlined. Respawn first.");
      return;
    }
    const id = contactId ?? s.contactNear?.id;
    if (!id) {
      s.toast('info', 'Nobody to talk to here. Walk up to someone.');
      return;
    }
    const at = contactPosition(id, world.contacts.values(), world.zone.id);
    const name = at?.name ?? contactById(id)?.name ?? 'them';
    if (!at || distance(world.predictor.pos, at) > NEAR_RANGE) {
      s.toast('info', `Walk closer to ${name}.`);
      return;
    }
    s.openDialogue(id);
  }

  /** Use one of a bag stack (consumables heal, quest items count) through the sim. */
  useItem(itemId: string) {
    return this.items.use(itemId);
  }

  private applyStats(s: CharStatsMsg) {
    // the welcome may still be on its way: the store keeps it, the world picks it up below
    this.patch({ charStats: s });
    this.world?.setStats(s);
    this.publishHud(performance.now(), true);
  }

  private serverNow() {
    return Date.now() + this.connection.clockOffset;
  }

  // ---- interaction: keys, clicks, the HUD's buttons -------------------------------

  /** F: pick up the nearest drop / open the nearest crate in reach. */
  interact() {
    if (this.world?.selfDead) {
      this.store.toast('warn', "You're flatlined. Respawn first.");
      return;
    }
    const r = this.reach;
    if (!r) {
      this.store.toast('info', 'Nothing in reach. Walk up to loot or a crate.');
      return;
    }
    if (r.kind === 'crate') void this.items.openCrate(r.eid);
    else if (r.locked) this.store.toast('warn', `${r.name}: ${r.reserved ?? 'not yours yet'}.`);
    else void this.items.pickup(r.eid);
  }

  /** B / E / clicking the terminal: the bank opens only next to a terminal. */
  toggleBank() {
    const s = this.store;
    if (s.panels.bank) return s.setPanel('bank', false);
    if (!s.bankNear) {
      s.toast('warn', 'Walk up to a bank terminal to use the bank.');
      return;
    }
    s.setPanel('bank', true);
  }

  /** M / E / clicking the terminal: the mailbox opens only next to a mail terminal. */
  toggleMail() {
    const s = this.store;
    if (s.panels.mail) return s.setPanel('mail', false);
    if (!s.mailNear) {
      s.toast('warn', 'Walk up to a mail terminal to check your mail.');
      return;
    }
    s.setPanel('mail', true);
  }

  /** A click on the map: loot, a crate or a bank terminal under the pointer. */
  clickAt(sx: number, sy: number): boolean {
    const world = this.world;
    if (!world) return false;
    const p = this.renderer.toWorld(sx, sy);
    const tol = CLICK_TOLERANCE_PX / this.renderer.ppm;
    const me = world.predictor.pos;
    let best: { d: number; act: () => void } | null = null;
    const consider = (d: number, act: () => void) => {
      if (d <= tol && (!best || d < best.d)) best = { d, act };
    };
    // anywhere on a contact's figure or plate counts: it wins unless loot lies closer
    const contactAt = this.contactUnder(p);
    if (contactAt) consider(Math.min(contactAt.d, tol), () => this.talk(contactAt.contactId));
    for (const d of world.drops.values())
      consider(distance(p, d), () => {
        if (distance(me, d) > PICKUP_RANGE)
          this.store.toast('info', `Walk closer to pick up ${d.name}.`);
        else void this.items.pickup(d.eid);
      });
    for (const c of world.crates.values())
      consider(distance(p, c), () => {
        if (distance(me, c) > CRATE_RANGE)
          this.store.toast('info', `Walk closer to open ${c.name}.`);
        else void this.items.openCrate(c.eid);
      });
    // the terminal's pad is drawn larger than loot markers: count clicks a bit further out
    for (const sp of world.zone.spawnPoints)
      if (sp.kind === 'bank_terminal') consider(distance(p, sp) * 0.8, () => this.toggleBank());
      else if (sp.kind === 'mail_terminal')
        consider(distance(p, sp) * 0.8, () => this.toggleMail());
    const hit = best as { act: () => void } | null;
    if (hit) {
      hit.act();
      return true;
    }
    // nothing to pick up there: a character under the pointer becomes the target
    const now = performance.now();
    const e = entityAt(this.combat.targetables(world, now), p, ENTITY_CLICK_PX / this.renderer.ppm);
    if (!e) return false;
    this.combat.setTarget(e.eid);
    this.combat.publish(now, true);
    return true;
  }

  /** the own party's id (its loot is ours to take too) */
  private get partyId(): string | null {
    return this.store.party.party?.id ?? null;
  }

  /** The name of another player under the pointer (the right-click player menu), if any. */
  playerAt(sx: number, sy: number): string | null {
    const world = this.world;
    if (!world) return null;
    const now = performance.now();
    const players = this.combat.targetables(world, now).filter((t) => t.kind === 'player');
    const e = entityAt(players, this.renderer.toWorld(sx, sy), ENTITY_CLICK_PX / this.renderer.ppm);
    return e ? (world.others.get(e.eid)?.info.name ?? null) : null;
  }

  /** The contact whose silhouette, plate or marker is under a world point (nearest feet first). */
  private contactUnder(p: { x: number; y: number }) {
    const world = this.world;
    if (!world) return null;
    const ppm = this.renderer.ppm;
    const box = contactHitBox(ppm);
    let best: { d: number; contactId: string } | null = null;
    for (const c of world.contacts.values()) {
      const dx = Math.abs(p.x - c.x) * ppm;
      const dy = (p.y - c.y) * ppm;
      if (dx > box.halfWidth || dy < -box.above || dy > box.below) continue;
      const d = distance(p, c);
      if (!best || d < best.d) best = { d, contactId: c.contactId };
    }
    return best;
  }

  /** Pointer over the map: a hand over contacts (they can be clicked to talk). */
  hoverAt(sx: number, sy: number): boolean {
    if (!this.world) return false;
    return this.contactUnder(this.renderer.toWorld(sx, sy)) !== null;
  }

  // ---- combat: keys and the HUD's buttons ----------------------------------------

  private inView = (p: { x: number; y: number }) => this.renderer.inView(p);

  tabTarget() {
    this.combat.tab(performance.now(), this.inView);
  }

  clearTarget(): boolean {
    return this.combat.clearTarget();
  }

  activateSlot(slot: number) {
    void this.combat.activateSlot(slot, performance.now(), this.inView);
  }

  respawn() {
    void this.combat.respawn();
  }

  cancelCast() {
    this.combat.cancelCast();
  }

  /** One line of the chat input, typed in the window's active tab (false: refused, keep the text). */
  sendChatLine(line: string, links?: string[]): Promise<boolean> {
    return this.chat.sendLine(line, this.store.chat.tab, links);
  }

  /** The ⚑ of a chat line: report the message to the moderators. */
  reportChat(messageId: string): Promise<boolean> {
    return this.chat.report(messageId);
  }

  /** Drag out of the inventory onto the map: the sim puts it at our feet. */
  dropToGround(itemId: string, quantity?: number) {
    return this.items.drop(itemId, quantity);
  }

  private loop = (now: number) => {
    this.frame = requestAnimationFrame(this.loop);
    const world = this.world;
    if (!world) {
      this.renderer.drawIdle(this.store.fatal ? 'signal lost' : 'jacking in…');
      return;
    }
    const selfPos = world.view.at(now);
    const others: DrawnEntity[] = [];
    for (const [eid, e] of world.others) {
      const p = e.buffer.sample(now);
      const i = e.info;
      const cast = world.castOf(eid, now);
      others.push({
        eid,
        x: p.x,
        y: p.y,
        name: i.name,
        ...(i.guildTag ? { tag: i.guildTag } : {}),
        ...(i.title ? { title: i.title } : {}),
        ...(i.disconnected ? { disconnected: true } : {}),
        level: i.level,
        health: i.health,
        maxHealth: i.maxHealth,
        kind: i.kind === 'npc' ? 'npc' : 'player',
        dead: !!i.dead,
        rank: i.rank,
        disposition: this.dispositionFor(eid, i) ?? undefined,
        cast: cast ? (now - cast.startedAt) / Math.max(1, cast.endsAt - cast.startedAt) : null,
      });
    }
    const serverNow = this.serverNow();
    const drops: DrawnDrop[] = [];
    for (const d of world.drops.values())
      drops.push({ ...d, locked: !canLoot(d, this.opts.characterId, serverNow, this.partyId) });
    const reachEid =
      this.reach && !(this.reach.kind === 'drop' && this.reach.locked) ? this.reach.eid : null;
    const st = world.stats;
    const markers = this.store.questMarkers;
    const near = this.store.contactNear?.id ?? null;
    const contacts: DrawnContact[] = [];
    for (const c of world.contacts.values())
      contacts.push({ ...c, marker: markers[c.contactId] ?? null, near: c.contactId === near });
    if (this.mapContacts?.zoneId !== world.zone.id || this.mapContacts.markers !== markers)
      this.mapContacts = {
        zoneId: world.zone.id,
        markers,
        list: mapContacts(world.zone.id, markers),
      };
    const selfTitle = this.selfTitle(world);
    this.renderer.draw(
      world,
      {
        selfPos,
        self: {
          eid: world.self.eid,
          ...selfPos,
          name: world.self.name,
          ...(world.self.guildTag ? { tag: world.self.guildTag } : {}),
          ...(selfTitle ? { title: selfTitle } : {}),
          level: st.level,
          health: st.health,
          maxHealth: st.maxHealth,
          kind: 'player',
          dead: world.selfDead,
        },
        others,
        drops,
        reachEid,
        targetEid: this.combat.targetEid,
        texts: this.combat.texts.live(now),
        telegraphs: this.combat.telegraphs.live(now),
        contacts,
        mapContacts: this.mapContacts.list,
        party: this.partyOnMap(world.zone.id, others),
        guide: frameGuide(
          this.store.guide,
          world.zone.id,
          selfPos,
          others,
          (eid) => world.others.get(eid)?.info.templateId,
          drops,
        ),
      },
      now,
    );
    this.publishHud(now);
  };

  /**
   * Other party members in this zone: where the snapshot draws them when in view
   * (smooth), else where their last party:vitals put them (each second).
   */
  private partyOnMap(zoneId: string, others: readonly DrawnEntity[]): PartyMarker[] {
    const party = this.store.party;
    if (!party.party) return [];
    const frames = partyFrames(party, this.opts.characterId, Date.now());
    return partyMarkers(frames, zoneId).map((m) => {
      const seen = others.find((o) => o.kind === 'player' && o.name === m.name);
      return seen ? { name: m.name, x: seen.x, y: seen.y } : m;
    });
  }

  /** An NPC's disposition; a player of the other arena team is hostile. */
  private dispositionFor(eid: number, info: EntityInfo) {
    return dispositionOf(info) ?? (this.arena.enemies.has(eid) ? 'hostile' : null);
  }

  /** The achievement title the player chose (null: none): its own plate shows it at once. */
  setOwnTitle(title: string | null): void {
    this.ownTitle = title;
  }

  private selfTitle(world: WorldState): string | null {
    return this.ownTitle !== undefined ? this.ownTitle : (world.self.title ?? null);
  }

  /** What window.__necp.state() returns (tests read positions instead of pixels). */
  private testView(): NecpTestView {
    const world = this.world;
    if (!world)
      return { zoneId: null, self: null, target: null, entities: [], drops: [], contacts: [] };
    const now = performance.now();
    const pos = world.predictor.pos;
    const serverNow = this.serverNow();
    const plates = this.renderer.lastPlates;
    return {
      plates: plates.placed.map(({ key, x0, y0, x1, y1 }) => ({ key, x0, y0, x1, y1 })),
      guide: this.renderer.lastGuide,
      hiddenPlates: [...plates.hidden],
      zoneId: world.zone.id,
      self: {
        eid: world.self.eid,
        x: pos.x,
        y: pos.y,
        level: world.stats.level,
        health: world.stats.health,
        maxHealth: world.stats.maxHealth,
        dead: world.selfDead,
        title: this.selfTitle(world),
      },
      target: this.combat.targetEid,
      entities: [...world.others].map(([eid, e]) => {
        const p = e.buffer.sample(now);
        return {
          eid,
          kind: e.info.kind === 'npc' ? 'npc' : 'player',
          name: e.info.name,
          title: e.info.title ?? null,
          disconnected: !!e.info.disconnected,
          templateId: e.info.templateId ?? null,
          x: p.x,
          y: p.y,
          health: e.info.health,
          maxHealth: e.info.maxHealth,
          dead: !!e.info.dead,
          disposition: this.dispositionFor(eid, e.info),
          inView: this.inView(p),
        };
      }),
      drops: [...world.drops.values()].map((d) => ({
        eid: d.eid,
        templateId: d.templateId,
        x: d.x,
        y: d.y,
        mine: canLoot(d, this.opts.characterId, serverNow, this.partyId),
      })),
      contacts: [...world.contacts.values()].map((c) => ({
        eid: c.eid,
        contactId: c.contactId,
        name: c.name,
        title: c.title,
        x: c.x,
        y: c.y,
      })),
    };
  }

  /** HUD values at ~10 Hz: React does not need 60 updates a second. */
  private publishHud(now: number, force = false) {
    const world = this.world;
    if (!world || (!force && now - this.lastHud < HUD_PUBLISH_MS)) return;
    this.lastHud = now;
    this.combat.publish(now, force);
    const pos = world.predictor.pos;
    const visible: VisibleEntity[] = [];
    for (const [eid, e] of world.others) {
      const p = e.buffer.latest();
      const i = e.info;
      visible.push({
        eid,
        kind: i.kind === 'npc' ? 'npc' : 'player',
        name: i.name,
        ...(i.templateId ? { templateId: i.templateId } : {}),
        dead: !!i.dead,
        health: i.health,
        maxHealth: i.maxHealth,
        x: round1(p.x),
        y: round1(p.y),
      });
    }
    visible.sort((a, b) => a.name.localeCompare(b.name));
    const serverNow = this.serverNow();
    const me = this.opts.characterId;
    const drops: VisibleDrop[] = [...world.drops.values()].map((d) => ({
      ...d,
      mine: canLoot(d, me, serverNow, this.partyId),
    }));
    const crates = [...world.crates.values()];
    // one range for both: the sim checks PICKUP_RANGE for drops and CRATE_RANGE for crates
    this.reach = nearestReachable(
      pos,
      drops,
      crates,
      Math.min(PICKUP_RANGE, CRATE_RANGE),
      me,
      serverNow,
      this.partyId,
    );
    const bank = bankInRange(world.zone, pos, BANK_RANGE);
    const mail = mailTerminalInRange(world.zone, pos, MAIL_RANGE);
    const contact = nearestContact(pos, world.contacts.values());
    const station = stationInRange(world.zone, pos);
    this.closeOutOfRange(world);
    const st = world.stats;
    // skip the store update (and React re-render) when nothing visible changed
    const key = [
      `${pos.x.toFixed(1)},${pos.y.toFixed(1)}`,
      visible.map((v) => `${v.eid}:${v.x},${v.y}:${v.health}:${v.dead}`).join(';'),
      drops.map((d) => `${d.eid}:${d.mine}`).join(';'),
      crates.map((c) => c.eid).join(';'),
      this.reach
        ? `${this.reach.kind}:${this.reach.eid}:${'reserved' in this.reach && this.reach.reserved}`
        : '',
      bank?.id ?? '',
      mail?.id ?? '',
      contact?.contactId ?? '',
      station?.id ?? '',
      `${st.level}:${st.health}:${st.maxHealth}`,
    ].join('|');
    if (!force && key === this.lastHudKey) return;
    this.lastHudKey = key;
    const wasNear = this.store.bankNear;
    const wasNearMail = this.store.mailNear;
    this.patch({
      self: {
        name: world.self.name,
        level: st.level,
        health: st.health,
        maxHealth: st.maxHealth,
        x: round1(pos.x),
        y: round1(pos.y),
      },
      visible,
      drops,
      crates,
      reach: this.reach,
      bankNear: bank ? { id: bank.id, name: bank.name } : null,
      mailNear: mail ? { id: mail.id, name: mail.name } : null,
      contactNear: contact
        ? { id: contact.contactId, name: contact.name, title: contact.title }
        : null,
      stationNear: station ? { id: station.id, name: station.name } : null,
    });
    // walking away from the terminal closes the bank (the server would refuse anyway)
    if (wasNear && !bank && this.store.panels.bank) {
      this.store.setPanel('bank', false);
      this.store.toast('info', 'You left the bank terminal.');
    }
    if (wasNearMail && !mail && this.store.panels.mail) {
      this.store.setPanel('mail', false);
      this.store.toast('info', 'You left the mail terminal.');
    }
  }

  /**
   * Walking away closes what the server would now refuse: the conversation and
   * the shop beyond INTERACT_RANGE of their contact, the metro window away from
   * the station (like the bank terminal).
   */
  private closeOutOfRange(world: WorldState) {
    const s = this.store;
    const pos = world.predictor.pos;
    const inView = world.contacts.values();
    const nameOf = (id: string) => contactById(id)?.name ?? 'them';
    if (s.dialogue && outOfTalkRange(pos, s.dialogue.contactId, inView, world.zone.id)) {
      const id = s.dialogue.contactId;
      s.closeDialogue();
      s.toast('info', `You walked away from ${nameOf(id)}.`);
    }
    if (
      s.vendorContactId &&
      outOfTalkRange(pos, s.vendorContactId, world.contacts.values(), world.zone.id)
    ) {
      const id = s.vendorContactId;
      s.closeVendor();
      s.toast('info', `You walked away from ${nameOf(id)}'s shop.`);
    }
    if (s.panels.travel && !s.ride && !stationInRange(world.zone, pos, METRO_SERVER_SLACK)) {
      s.setPanel('travel', false);
      s.toast('info', 'You left the metro station.');
    }
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

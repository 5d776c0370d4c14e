/**
 * The game client's side of instances and the arena: instance:transfer (the
 * transition and the reconnect), arena:state (the scoreboard, and who is an
 * enemy) and arena:result (the result panel). Framework-free; GameClient owns
 * one, wires it to every socket and tells it about each zone:welcome.
 */
import type { InstanceTransferMsg, WelcomeMsg } from '@necp/shared';
import type { Pushes } from '../net/push-receiver';
import type { GameStore } from '../store/game-store';
import { districtBanner } from '../world/zone-lookup';
import { arenaEnemyEids } from './arena-view';
import {
  MIN_TRANSFER_MS,
  TRANSFER_FADE_MS,
  TRANSFER_GIVE_UP_MS,
  transferAction,
  transferView,
  welcomeEffects,
} from './instance-transfer';

export interface ArenaSessionDeps {
  store: GameStore;
  /** drop this connection quietly and enter again: the new ticket names where the character is */
  reconnect: () => void;
  stopped: () => boolean;
}

const NO_ENEMIES: ReadonlySet<number> = new Set();

export class ArenaSession {
  private enemySet: ReadonlySet<number> = NO_ENEMIES;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private deps: ArenaSessionDeps) {}

  private get store() {
    return this.deps.store.getState();
  }

  /** Eids of the other arena team(s) in view: hostile (Tab, plates, the target frame). */
  get enemies(): ReadonlySet<number> {
    return this.enemySet;
  }

  wire(pushes: Pushes) {
    pushes.on('instance:transfer', (msg) => this.onTransfer(msg));
    pushes.on('arena:state', (msg) => {
      this.enemySet = arenaEnemyEids(msg);
      this.store.arenaStateReceived(msg, performance.now());
    });
    pushes.on('arena:result', (msg) => this.store.arenaResultReceived(msg, performance.now()));
  }

  private onTransfer(msg: InstanceTransferMsg) {
    const s = this.store;
    const action = transferAction({
      transferring: s.transfer !== null && !s.transfer.arrived,
      kicked: s.kicked !== null,
      stopped: this.deps.stopped(),
    });
    if (action === 'ignore') return;
    this.clearTimer();
    // what needed this zone closes with it; the menu would sit over the transition
    s.transferStarted(transferView(msg, Date.now()));
    s.setMenuOpen(false);
    s.setPlayerMenu(null);
    if (s.dialog) s.setDialog(null);
    this.deps.reconnect();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.store.transfer) return;
      this.store.transferEnded();
      this.store.toast('error', 'The transfer timed out. Check your connection and try again.');
    }, TRANSFER_GIVE_UP_MS);
  }

  /**
   * A zone:welcome: ends a transition under way (true: it greets the player itself)
   * and clears the scoreboard and result outside their match's instance.
   */
  welcome(msg: WelcomeMsg): boolean {
    const s = this.store;
    const fx = welcomeEffects(msg.zone.id, {
      transferring: s.transfer !== null,
      arenaMatchId: s.arena?.msg.matchId ?? s.arenaResult?.msg.matchId ?? null,
    });
    if (fx.clearArena) {
      this.enemySet = NO_ENEMIES;
      s.arenaLeft();
    }
    const transfer = s.transfer;
    if (!fx.endTransfer || !transfer) return false;
    this.clearTimer();
    // the wipe plays out, then fades, then the arrival banner says where we are
    const wait = Math.max(0, MIN_TRANSFER_MS - (Date.now() - transfer.startedAt));
    this.timer = setTimeout(() => {
      this.store.transferArrived();
      this.timer = setTimeout(() => {
        this.timer = null;
        this.store.transferEnded();
        this.store.areaBannerShown(districtBanner(msg.zone, Date.now()));
        if (transfer.direction === 'leave')
          this.store.toast('success', `Back in ${msg.zone.name}.`);
      }, TRANSFER_FADE_MS);
    }, wait);
    return true;
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  stop() {
    this.clearTimer();
  }
}

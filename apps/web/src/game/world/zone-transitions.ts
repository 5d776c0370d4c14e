import { METRO_SERVER_SLACK, type AreaEnteredMsg, type WelcomeMsg } from '@necp/shared';
import { refusalText } from '../net/notices';
import type { SimSocket } from '../net/sim-socket';
import { requestTravel } from '../travel/travel-commands';
import type { GameStore } from '../store/game-store';
import { AREA_BANNER_MS } from './world-ui-slice';
import { stationInRange } from './contacts';
import type { WorldState } from './world-state';
import { districtBanner, isInstanceZone, zoneDisplayName } from './zone-lookup';

/** the metro transition stays at least this long (a blink would look like a glitch) */
const MIN_RIDE_MS = 1600;
/** ...and fades out over this after the new district arrived */
const RIDE_FADE_MS = 450;
/** no zone:welcome this long after an accepted ride: give the screen back */
const RIDE_GIVE_UP_MS = 15_000;

/**
 * Moving between districts as the player sees it: the metro ride (its window, the
 * transition, giving up), what a welcome says, the area banners, and what closes when
 * the zone changes under the player.
 */
export class ZoneTransitions {
  private rideTimer: ReturnType<typeof setTimeout> | null = null;
  private areaTimer: ReturnType<typeof setTimeout> | null = null;
  private areaAfterRide: AreaEnteredMsg | null = null;

  constructor(
    private readonly deps: {
      store: GameStore;
      world: () => WorldState | null;
      socket: () => SimSocket | null;
      /** a welcome came before (a greeting says "back", not "welcome") */
      everConnected: () => boolean;
      /** the zone changed: what was in reach there is not */
      onLeft: () => void;
      /** the ride goes on on another sim process: a new ticket, a new socket */
      reconnectElsewhere: () => void;
    },
  ) {}

  private get store() {
    return this.deps.store.getState();
  }

  /** zone:area — arriving by metro inside an area: its banner follows the district's. */
  area(msg: AreaEnteredMsg) {
    if (this.store.ride) this.areaAfterRide = msg;
    else this.showArea(msg);
  }

  stop() {
    if (this.rideTimer) clearTimeout(this.rideTimer);
    if (this.areaTimer) clearTimeout(this.areaTimer);
  }

  /**
   * A welcome for another zone (a metro ride, or a reconnect that landed
   * elsewhere): everything that needed range in the old one closes. Targets,
   * drops, contacts, floating texts and renderer caches are per WorldState/zone id.
   */
  left() {
    const s = this.store;
    if (s.dialogue) s.closeDialogue();
    if (s.vendorContactId) s.closeVendor();
    if (s.panels.bank) s.setPanel('bank', false);
    if (s.panels.travel) s.setPanel('travel', false);
    if (this.areaTimer) clearTimeout(this.areaTimer);
    this.areaTimer = null;
    s.areaBannerCleared();
    s.zoneLeft();
    this.deps.onLeft();
  }

  private showArea(msg: AreaEnteredMsg) {
    if (this.areaTimer) clearTimeout(this.areaTimer);
    this.areaTimer = null;
    this.store.areaBannerShown({ ...msg, at: Date.now() });
  }

  /** The new district is here: fade the ride out (after its minimum), then say where we are. */
  private arrived(msg: WelcomeMsg) {
    const ride = this.store.ride;
    if (!ride) return;
    if (this.rideTimer) clearTimeout(this.rideTimer);
    const wait = Math.max(0, MIN_RIDE_MS - (Date.now() - ride.startedAt));
    this.rideTimer = setTimeout(() => {
      this.store.rideArrived();
      this.rideTimer = setTimeout(() => {
        this.rideTimer = null;
        this.store.rideEnded(districtBanner(msg.zone, Date.now()));
        this.store.toast('success', `Arrived in ${msg.zone.name}.`);
        const area = this.areaAfterRide;
        this.areaAfterRide = null;
        if (area)
          this.areaTimer = setTimeout(() => {
            this.areaTimer = null;
            if (this.store.zone?.id === msg.zone.id) this.showArea(area);
          }, AREA_BANNER_MS);
      }, RIDE_FADE_MS);
    }, wait);
  }

  /** What a welcome says: the end of a metro ride, a resumed session, a first or a new connect. */
  greet(msg: WelcomeMsg) {
    const ride = this.store.ride;
    if (ride?.toZoneId === msg.zone.id) return this.arrived(msg);
    if (ride) this.rideLost();
    if (msg.resumed) this.store.toast('success', 'Reconnected — you are right where you left off.');
    else if (!this.deps.everConnected())
      this.store.toast('info', `Welcome to ${msg.zone.name}, ${msg.self.name}.`);
    else this.store.toast('success', `Back in ${msg.zone.name}.`);
  }

  /** A reconnect put us back where we were instead: there is no ride to finish. */
  private rideLost() {
    if (this.rideTimer) clearTimeout(this.rideTimer);
    this.rideTimer = null;
    this.areaAfterRide = null;
    this.store.rideCancelled();
  }

  /** Ride the metro from the station in range to `toZoneId` (zone:travel). */
  async travel(toZoneId: string): Promise<boolean> {
    const world = this.deps.world();
    const s = this.store;
    if (!world || s.ride) return false;
    if (world.selfDead) {
      s.toast('warn', "You're flatlined. Respawn first.");
      return false;
    }
    if (toZoneId === world.zone.id) {
      s.toast('info', `You are already in ${world.zone.name}.`);
      return false;
    }
    if (isInstanceZone(world.zone.id)) {
      s.toast('info', 'No metro runs in here: the match sends you back when it ends.');
      return false;
    }
    // the window opens on the station's ring and stays up to what the server accepts
    if (!stationInRange(world.zone, world.predictor.pos, METRO_SERVER_SLACK)) {
      s.toast('warn', 'Walk to a metro station to ride the metro.');
      return false;
    }
    const toName = zoneDisplayName(toZoneId);
    s.rideStarted({
      fromName: world.zone.name,
      toZoneId,
      toName,
      startedAt: Date.now(),
      arrived: false,
    });
    s.setPanel('travel', false);
    const res = await requestTravel(this.deps.socket(), toZoneId);
    if (!res.ok) {
      this.store.rideCancelled();
      this.store.toast('warn', refusalText(res.error.message, 'The metro is not running.'));
      return false;
    }
    // another sim process runs that district: the ride continues on a socket there
    // (a fresh ticket names it); the overlay stays up until its welcome
    if (res.data.simUrl) {
      this.deps.reconnectElsewhere();
    }
    // the welcome may already be here (arrived() then owns the timer)
    if (this.store.ride && !this.rideTimer)
      this.rideTimer = setTimeout(() => {
        this.rideTimer = null;
        if (!this.store.ride) return;
        this.rideLost();
        this.store.toast('error', 'The train never arrived. Check your connection and try again.');
      }, RIDE_GIVE_UP_MS);
    return true;
  }
}

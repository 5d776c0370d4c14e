/**
 * Connects the game to the mixer: the first gesture unlocks it; each welcome sets the
 * district's ambience; each snapshot's combat events, each change of the UI store and
 * the own character's walking become sounds (cues.ts says which). A socket feature for
 * the welcome; GameClient hands it the snapshots' events and the distance each move walked.
 */
import type { CombatEvent } from '@necp/shared';
import type { Pushes } from '../net/push-receiver';
import type { SocketFeature } from '../net/socket-feature';
import type { GameStore } from '../store/game-store';
import { serverNow } from '../time/server-clock';
import type { WorldState } from '../world/world-state';
import { AMBIENCES, ambienceFor, ambienceStarter } from './ambience';
import type { AudioEngine } from './audio-engine';
import { combatCues, storeCues, type Cue } from './cues';

/** metres walked per footstep */
const STRIDE_M = 2.2;
const STEP_VOLUME = 0.5;
const GESTURES = ['pointerdown', 'keydown', 'touchstart'] as const;

export class SoundDirector implements SocketFeature {
  private walkedM = 0;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly o: {
      engine: AudioEngine;
      store: GameStore;
      /** the own character's id (whispers to it) */
      selfId: string;
      world: () => WorldState | null;
    },
  ) {
    const unlock = () => {
      void o.engine.unlock();
      for (const g of GESTURES) window.removeEventListener(g, unlock, true);
    };
    if (!o.engine.unlocked) {
      for (const g of GESTURES) window.addEventListener(g, unlock, true);
      this.cleanups.push(() => {
        for (const g of GESTURES) window.removeEventListener(g, unlock, true);
      });
    }
    this.cleanups.push(
      o.store.subscribe((next, prev) => this.play(storeCues(prev, next, o.selfId, serverNow()))),
    );
  }

  wire(pushes: Pushes) {
    pushes.on('zone:welcome', (msg) => {
      const key = ambienceFor(msg.zone.id);
      this.o.engine.setAmbience(key, ambienceStarter(AMBIENCES[key]));
    });
  }

  /** A snapshot's combat events (the world has applied them). */
  onCombat(events: readonly CombatEvent[], now: number) {
    const world = this.o.world();
    if (!world || events.length === 0) return;
    const me = world.self.eid;
    this.play(
      combatCues(events, me, (eid) =>
        eid === me ? world.predictor.pos : (world.others.get(eid)?.buffer.sample(now) ?? null),
      ),
    );
  }

  /**
   * The own character walked `metres` by its player's input (GameClient's move): a
   * footstep each stride. Only input counts — a server correction moves the character
   * too, but a player standing still hears no steps (and a test pressing a key after
   * walking hears that key's sound last).
   */
  walked(metres: number) {
    if (this.o.world()?.selfDead) return;
    this.walkedM += metres;
    if (this.walkedM >= STRIDE_M) {
      this.walkedM = 0;
      this.o.engine.play('footstep', { volume: STEP_VOLUME });
    }
  }

  stop() {
    for (const c of this.cleanups) c();
    this.o.engine.stopLayers();
  }

  private play(cues: Cue[]) {
    for (const c of cues) this.o.engine.play(c.id, c);
  }
}

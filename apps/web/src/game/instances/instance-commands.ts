/**
 * Leaving an instance (instance:leave, after a confirm) and what a dungeon group
 * hears (instance:roster toasts). The sim decides; the texts are in
 * instances/instance-leave.ts. The leave itself ends with the usual
 * instance:transfer (ArenaSession plays the transition and reconnects).
 */
import type { InstanceLeaveResult } from '@necp/shared';
import { instanceClearedText } from '../combat/boss-bar-view';
import { leaveConfirm, leftText, rosterToast } from './instance-leave';
import type { GameStore } from '../store/game-store';
import { instanceOf } from '../world/zone-lookup';
import { sendCommand } from '../net/ack';
import type { Pushes } from '../net/push-receiver';
import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';

export class InstanceCommands implements SocketFeature {
  /** the match whose instance's boss fell (leaving it is free) */
  private clearedMatchId: string | null = null;
  private leaving = false;

  constructor(private deps: { socket: () => SimSocket | null; store: GameStore }) {}

  private get store() {
    return this.deps.store.getState();
  }

  /** Listens for the sim's pushes on a (new) socket. */
  wire(pushes: Pushes): void {
    pushes.on('instance:roster', (msg) => {
      const t = rosterToast(msg);
      this.store.toast(t.kind, t.text);
    });
    pushes.on('instance:cleared', (msg) => {
      this.clearedMatchId = msg.matchId;
      this.store.toast('success', instanceClearedText(msg));
    });
  }

  /** The HUD's "Leave instance": a confirm saying what it costs, then instance:leave. */
  askToLeave(): void {
    const inst = instanceOf(this.store.zone?.id);
    if (!inst) return;
    const cleared = this.clearedMatchId === inst.matchId;
    this.store.setDialog(leaveConfirm(inst.kind, cleared, () => void this.leave()));
  }

  async leave(): Promise<boolean> {
    // a second click while the first is on its way sends nothing
    if (this.leaving) return false;
    this.leaving = true;
    // sendCommand never throws: offline and no answer come back as refusals
    const res = await sendCommand<InstanceLeaveResult>(this.deps.socket(), 'instance:leave', {});
    this.leaving = false;
    if (!res.ok) {
      this.store.toast('warn', res.error.message);
      return false;
    }
    const t = leftText(res.data);
    this.store.toast(t.kind, t.text);
    return true;
  }
}

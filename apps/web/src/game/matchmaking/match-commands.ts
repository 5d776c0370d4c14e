/**
 * Matchmaking to the sim (match:queue / leave / answer / status) and what it pushes
 * (match:found, match:status): the store's `match` (match-slice.ts) follows every status, the player
 * hears what happened as a toast. The sim decides every rule; a refusal is shown as
 * it came ("you can queue again in 4 min 30 s").
 */
import type { Ack, JoinQueueInput, MatchFoundMsg, MatchStatusMsg } from '@necp/shared';
import { matchTitle } from './queue-view';
import type { GameStore } from '../store/game-store';
import { sendCommand } from '../net/ack';
import type { Pushes } from '../net/push-receiver';
import type { SimSocket } from '../net/sim-socket';

type MatchEvent = 'match:queue' | 'match:leave' | 'match:answer' | 'match:status';

export class MatchCommands {
  constructor(private deps: { socket: () => SimSocket | null; store: GameStore }) {}

  private get store() {
    return this.deps.store.getState();
  }

  private call<T>(event: MatchEvent, payload: object): Promise<Ack<T>> {
    return sendCommand<T>(this.deps.socket(), event, payload);
  }

  /** Listens for the sim's pushes on a (new) socket. */
  wire(pushes: Pushes): void {
    pushes.on('match:found', (msg) => this.found(msg));
    pushes.on('match:status', (msg) => this.status(msg));
  }

  found(msg: MatchFoundMsg): void {
    this.store.matchFound(msg);
  }

  /** A status pushed or acked: the window follows; what happened is told. */
  status(msg: MatchStatusMsg): void {
    const before = this.store.match.status;
    this.store.matchStatus(msg);
    const s = this.store;
    switch (msg.reason) {
      case 'confirmed':
        if (msg.status.state === 'in_match')
          s.toast('success', `Match confirmed: ${matchTitle(msg.status)} — get ready!`);
        return;
      case 'requeued':
      case 'dissolved':
      case 'party_changed':
        return s.toast('warn', msg.message ?? 'The match was cancelled.');
      case 'penalised':
        return s.toast('error', msg.message ?? 'You left the ready check.');
      case 'released':
        if (msg.message) s.toast('info', msg.message);
        return;
      case 'queued':
        // the leader hears it from the ack; the party's members from here
        if (msg.message) s.toast('info', msg.message);
        return;
      case 'left':
        if (msg.message && before.state !== 'idle') s.toast('info', msg.message);
        return;
      case 'status':
      case 'accepted':
        return;
    }
  }

  /** Joins a queue; false when refused (the refusal is toasted, a penalty also counts down in the window). */
  async queue(request: JoinQueueInput): Promise<boolean> {
    const res = await this.call<MatchStatusMsg>('match:queue', request);
    if (!res.ok) {
      this.store.toast('warn', res.error.message);
      // a penalty: the window learns how long it lasts
      if (res.error.code === 'RATE_LIMITED') void this.refresh();
      return false;
    }
    this.status(res.data);
    return true;
  }

  async leave(): Promise<boolean> {
    const res = await this.call('match:leave', {});
    if (!res.ok) {
      this.store.toast('warn', res.error.message);
      void this.refresh();
      return false;
    }
    this.store.matchLeft();
    this.store.toast('info', 'You left the queue.');
    return true;
  }

  async answer(matchId: string, accept: boolean): Promise<boolean> {
    this.store.matchAnswering(true);
    const res = await this.call<{ state: string }>('match:answer', { matchId, accept });
    this.store.matchAnswering(false);
    if (!res.ok) {
      this.store.toast('warn', res.error.message);
      void this.refresh();
      return false;
    }
    return true;
  }

  /** Asks the sim for the status now (the window opening, after a refusal). */
  async refresh(): Promise<void> {
    const res = await this.call<MatchStatusMsg>('match:status', {});
    if (res.ok) this.status(res.data);
  }
}

/**
 * Combat intents to the sim: use an ability, cancel a cast, respawn. Sent through
 * sendCommand: a lost connection or a missing answer comes back as an OFFLINE/TIMEOUT
 * refusal, never a throw (the caller flashes it).
 */
import type { Ack, CombatUse, CombatUseResult, RespawnResult } from '@necp/shared';
import { sendCommand } from '../net/ack';
import type { SimSocket } from '../net/sim-socket';

/** shorter than the default (as before): a fight wants its flash sooner */
const COMBAT_ACK_TIMEOUT_MS = 3000;

export class CombatCommands {
  /** abilities with an answer outstanding: a double press sends once */
  private pending = new Set<string>();

  constructor(private socket: () => SimSocket | null) {}

  private call<T>(
    event: 'combat:use' | 'combat:cancel' | 'combat:respawn',
    payload: object,
  ): Promise<Ack<T>> {
    return sendCommand<T>(this.socket(), event, payload, COMBAT_ACK_TIMEOUT_MS);
  }

  /** null: the same ability is already on its way (ignore the press). */
  async use(input: CombatUse): Promise<Ack<CombatUseResult> | null> {
    if (this.pending.has(input.ability)) return null;
    this.pending.add(input.ability);
    try {
      return await this.call<CombatUseResult>('combat:use', input);
    } finally {
      this.pending.delete(input.ability);
    }
  }

  cancel(): Promise<Ack> {
    return this.call('combat:cancel', {});
  }

  respawn(): Promise<Ack<RespawnResult>> {
    return this.call<RespawnResult>('combat:respawn', {});
  }
}

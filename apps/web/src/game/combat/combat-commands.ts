/**
 * Combat intents to the sim: use an ability, cancel a cast, respawn. Answers come
 * back as acks; a lost connection or a missing answer becomes a refusal-like error,
 * never a throw (the caller flashes it).
 */
import type { Ack, AckError, CombatUse, CombatUseResult, RespawnResult } from '@necp/shared';
import { readAck } from '../net/ack';
import type { SimSocket } from '../net/sim-socket';

const ACK_TIMEOUT_MS = 3000;

const offline: AckError = { code: 'OFFLINE', message: 'Not connected to the city right now' };
const noAnswer: AckError = { code: 'TIMEOUT', message: 'The server did not answer' };

export class CombatCommands {
  /** abilities with an answer outstanding: a double press sends once */
  private pending = new Set<string>();

  constructor(private socket: () => SimSocket | null) {}

  private async call<T>(
    event: 'combat:use' | 'combat:cancel' | 'combat:respawn',
    payload: object,
  ): Promise<Ack<T>> {
    const s = this.socket();
    if (!s?.connected) return { ok: false, error: offline };
    try {
      return readAck<T>(await s.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload));
    } catch {
      return { ok: false, error: noAnswer };
    }
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

import type { PushSink } from '@necp/shared';
import { PRESENCE_LEAVE_GRACE_MS } from '@necp/shared';
import type { GameDeps, Log } from '@necp/game';
import type { Session } from '../session/sessions';
import { repeat, type Repeating } from '../timers/repeat';
import { leavePresence } from './presence';

/** Closed connections waiting out their grace, at most (beyond it they are settled at once). */
export const PRESENCE_LEAVES_MAX = 20_000;
/** How often the leaves are looked at (real time; their grace runs on the game clock). */
export const PRESENCE_LEAVES_CHECK_MS = 1_000;

/**
 * Closed connections whose character is not offline yet: entering or leaving an
 * instance, a move to another sim or a dropped link closes the socket and opens a
 * new one (on this process or another) within seconds. Only a connection that no
 * newer one replaced within PRESENCE_LEAVE_GRACE_MS clears the presence row and
 * tells the friends — the row's holder decides (clearPresence), so a reconnect on
 * any process quietly wins.
 */
export class PresenceLeaves {
  /** by socket id: the session that closed and when (game clock ms) */
  private readonly pending = new Map<string, { session: Session; at: number }>();
  private checks: Repeating | undefined;

  constructor(
    private readonly deps: GameDeps,
    private readonly push: PushSink,
    private readonly log: Log,
    private readonly graceMs = PRESENCE_LEAVE_GRACE_MS,
  ) {}

  /** The session's socket closed: offline after the grace unless it is back. */
  left(session: Session): void {
    this.pending.set(session.socket.id, { session, at: this.deps.clock.ms() });
    if (this.pending.size > PRESENCE_LEAVES_MAX) void this.settle(Infinity);
  }

  start(): void {
    this.checks ??= repeat(PRESENCE_LEAVES_CHECK_MS, () => this.settle(), {
      log: this.log,
      what: 'settling presence leaves',
    });
  }

  /** Shutdown: every waiting leave is settled now (the process and its timer go away). */
  async stop(): Promise<void> {
    await this.checks?.stop();
    this.checks = undefined;
    await this.settle(Infinity);
  }

  /** Settles the leaves whose grace ran out by `now`. */
  async settle(now = this.deps.clock.ms()): Promise<void> {
    const due = [...this.pending].filter(([, l]) => now - l.at >= this.graceMs);
    for (const [id] of due) this.pending.delete(id);
    await Promise.all(
      due.map(([, l]) =>
        leavePresence(this.deps, this.push, l.session).catch((err: unknown) =>
          this.log.warn({ err, characterId: l.session.characterId }, 'clearing presence failed'),
        ),
      ),
    );
  }
}

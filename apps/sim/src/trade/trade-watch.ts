/**
 * The trades this process's players are in, watched: a trade ends (and frees what it
 * holds) within TRADE_WATCH_MS when a party walks out of range, changes zone or dies, or
 * when it has been idle (or unanswered) past its deadline, and at once when its socket
 * disconnects. In range means the same zone, and a zone
 * lives on one process: both parties of a live trade are on the process that handled
 * its request, which learns of it from the handlers' results (`note`). A trade a
 * crashed process knew of is ended by the worker's idle sweep (game/trade/expire-trades).
 */
import {
  TRADE_RANGE_M,
  distance,
  type PushSink,
  type TradeCancelReason,
  type TradeView,
} from '@necp/shared';
import { cancelTradeOf, expireTrade, type GameDeps, type Log } from '@necp/game';
import type { SessionRegistry } from '../session/sessions';

/** how often the watch looks (the "within 1 s") */
export const TRADE_WATCH_MS = 500;

export class TradeWatch {
  /** live trades (asked or open) by id: their two parties, state and idle deadline (ms) */
  private readonly live = new Map<string, { aId: string; bId: string; expiresAt: number }>();

  constructor(
    private readonly o: {
      deps: Pick<GameDeps, 'db' | 'clock'>;
      sessions: SessionRegistry;
      push: PushSink;
      log: Log;
    },
  ) {}

  get size() {
    return this.live.size;
  }

  /** What a trade handler returned: watched while asked or open, forgotten once over. */
  note(view: TradeView): void {
    if (view.state === 'requested' || view.state === 'open')
      this.live.set(view.id, {
        aId: view.a.characterId,
        bId: view.b.characterId,
        expiresAt: view.expiresAt,
      });
    else this.live.delete(view.id);
  }

  /** `characterId`'s socket is gone: its trade ends now. */
  left(characterId: string): void {
    for (const [id, t] of this.live)
      if (t.aId === characterId || t.bId === characterId)
        void this.end(id, characterId, 'disconnected');
  }

  /** One look at every watched trade; ends those whose parties are apart, dead or gone. */
  async check(): Promise<void> {
    const ending: Promise<void>[] = [];
    const now = this.o.deps.clock.ms();
    for (const [id, t] of this.live) {
      // unanswered or idle past its deadline: ended here at once, the deadline re-read
      // under the lock (the worker's sweep is the net for a process that went away)
      if (now >= t.expiresAt) {
        ending.push(this.expire(id));
        continue;
      }
      const why = this.whyEnd(t.aId, t.bId);
      if (why) ending.push(this.end(id, why.who, why.reason));
    }
    await Promise.all(ending);
  }

  private whyEnd(aId: string, bId: string): { who: string; reason: TradeCancelReason } | null {
    const a = this.o.sessions.ofCharacter(aId);
    const b = this.o.sessions.ofCharacter(bId);
    if (!a) return { who: aId, reason: 'disconnected' };
    if (!b) return { who: bId, reason: 'disconnected' };
    if (a.zone !== b.zone) return { who: aId, reason: 'zone_changed' };
    const pa = a.zone.player(aId);
    const pb = b.zone.player(bId);
    // riding the metro: in no zone for a moment, then in another
    if (!pa) return { who: aId, reason: 'zone_changed' };
    if (!pb) return { who: bId, reason: 'zone_changed' };
    if (pa.combat.dead) return { who: aId, reason: 'died' };
    if (pb.combat.dead) return { who: bId, reason: 'died' };
    if (distance(pa, pb) > TRADE_RANGE_M) return { who: aId, reason: 'out_of_range' };
    return null;
  }

  private async expire(tradeId: string): Promise<void> {
    try {
      const out = await expireTrade(this.o.deps, tradeId);
      // not due after all (an offer a moment ago): its handler's note has the new deadline
      if (out === 'not_due') return;
      this.live.delete(tradeId);
      if (out) this.o.push(out.pushes);
    } catch (err) {
      this.o.log.warn({ err, tradeId }, 'expiring a trade failed');
    }
  }

  private async end(tradeId: string, who: string, reason: TradeCancelReason): Promise<void> {
    this.live.delete(tradeId);
    try {
      const out = await cancelTradeOf(this.o.deps, who, reason);
      if (out) this.o.push(out.pushes);
    } catch (err) {
      // the idle sweep ends it in the end; the watch does not retry
      this.o.log.warn({ err, tradeId, reason }, 'ending a trade failed');
    }
  }
}

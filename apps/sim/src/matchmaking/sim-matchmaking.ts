/**
 * Matchmaking in the sim (docs/matchmaking.md, "The sim"): one store per process
 * (Redis: every process shares the queues; else memory), the matcher loop that runs
 * runMatchmakerTick every MATCHER_TICK_MS, and the pushes that tell each affected
 * player — through the push dispatcher, so they reach every socket of the
 * character on whichever sim process it is connected to.
 */
import {
  emitTo,
  toCharacters,
  type MatchStatusMsg,
  type MatchStatusReason,
  type PushSink,
} from '@necp/shared';
import {
  MATCHER_TICK_MS,
  createMatchmakingStore,
  readQueuePenalty,
  readQueueStatus,
  releaseMatch,
  runMatchmakerTick,
  withdrawPartyTicket,
  type ConfirmedMatch,
  type GameDeps,
  type Log,
  type MatchRecord,
  type MatchState,
  type MatchmakerTick,
  type MatchmakingDeps,
  type QueueStatusView,
  type ReadyCheckDissolved,
  type ReadyCheckOutcome,
} from '@necp/game';
import { repeat, type Repeating } from '../timers/repeat';
import { releasingLauncher, type MatchLauncher } from './match-launcher';
import { matchFoundMsg, queueStatusMsg } from './match-messages';

const membersOf = (m: MatchRecord): string[] =>
  m.teams.flat().flatMap((t) => t.members.map((x) => x.characterId));

export interface SimMatchmakingOptions {
  deps: Pick<GameDeps, 'db' | 'clock' | 'log' | 'redis'>;
  /** where the pushes go (net/push-dispatcher.ts) */
  push: PushSink;
  /** starts confirmed matches (the instances); default: log and release them */
  launcher?: MatchLauncher;
}

export class SimMatchmaking {
  /** what the domain's matchmaking calls take */
  readonly deps: MatchmakingDeps;
  private readonly push: PushSink;
  private readonly log: Log;
  private readonly launcher: MatchLauncher;
  private loop: Repeating | undefined;
  private readonly launching = new Set<Promise<void>>();

  constructor(o: SimMatchmakingOptions) {
    this.deps = {
      db: o.deps.db,
      clock: o.deps.clock,
      store: createMatchmakingStore({ redis: o.deps.redis, clock: o.deps.clock, log: o.deps.log }),
    };
    this.push = o.push;
    this.log = o.deps.log.child({ svc: 'matchmaking' });
    this.launcher =
      o.launcher ??
      releasingLauncher({ log: this.log, release: (id, message) => this.release(id, message) });
  }

  /** What `characterId` sees now (`view`: the domain's status when the caller has it already). */
  async status(
    characterId: string,
    reason: MatchStatusReason,
    o: { view?: QueueStatusView; message?: string } = {},
  ): Promise<MatchStatusMsg> {
    const view = o.view ?? (await readQueueStatus(this.deps, { characterId }));
    const matchId =
      view.state === 'ready_check'
        ? view.matchId
        : view.state === 'in_match'
          ? view.match.matchId
          : null;
    const match = matchId ? await this.deps.store.match(matchId) : null;
    const until = view.state === 'idle' ? await readQueuePenalty(this.deps, { characterId }) : null;
    return {
      reason,
      status: queueStatusMsg(view, match),
      penaltyMs: until === null ? null : until - this.deps.clock.ms(),
      ...(o.message ? { message: o.message } : {}),
    };
  }

  /** Pushes each character's status to every socket of it (any process). */
  async tell(characterIds: readonly string[], reason: MatchStatusReason, message?: string) {
    await Promise.all(
      [...new Set(characterIds)].map(async (id) => {
        const msg = await this.status(id, reason, message ? { message } : {});
        this.push([emitTo(toCharacters(id), 'match:status', msg)]);
      }),
    );
  }

  /** A new ready check: match:found to each of its members. */
  found(m: MatchState): void {
    const msg = matchFoundMsg(m, this.deps.clock.ms());
    this.push([emitTo({ characters: membersOf(m) }, 'match:found', msg)]);
  }

  /** A ready check dissolved (a decline, or its deadline): who went where. */
  async dissolved(d: ReadyCheckDissolved): Promise<void> {
    const declined = d.reason === 'declined';
    await Promise.all([
      this.tell(
        d.requeued,
        'requeued',
        declined
          ? 'A player declined the match: you are back in the queue, at the front.'
          : 'Not everyone accepted in time: you are back in the queue, at the front.',
      ),
      this.tell(
        d.freed,
        'dissolved',
        'A party member did not accept the match: your party left the queue.',
      ),
      this.tell(
        d.penalised.map((p) => p.characterId),
        'penalised',
        declined ? 'You declined the match.' : 'You did not accept the match in time.',
      ),
    ]);
  }

  /** What follows an answer to a ready check (the handler's ack carries only its state). */
  async answered(outcome: ReadyCheckOutcome): Promise<void> {
    switch (outcome.state) {
      case 'pending': {
        const m = await this.deps.store.match(outcome.matchId);
        if (m) await this.tell(membersOf(m), 'accepted');
        return;
      }
      case 'confirmed':
        return this.confirmed(outcome.match);
      case 'dissolved':
        return this.dissolved(outcome.dissolved);
    }
  }

  /** Everyone accepted: the members are told, then the launcher starts it (once per match). */
  private async confirmed(match: ConfirmedMatch): Promise<void> {
    await this.tell(match.teams.flat(), 'confirmed');
    const launch = this.launch(match);
    this.launching.add(launch);
    void launch.finally(() => this.launching.delete(launch));
  }

  private async launch(match: ConfirmedMatch): Promise<void> {
    try {
      await this.launcher.launch(match);
    } catch (err) {
      this.log.error({ err, matchId: match.matchId }, 'launching a match failed: released');
      await this.release(match.matchId, 'The match could not start: you may queue again.').catch(
        (e: unknown) => this.log.error({ err: e, matchId: match.matchId }, 'releasing failed'),
      );
    }
  }

  /**
   * A confirmed match is over (its instance closed) or could not start: its members
   * may queue again, and are told. False when it was not a confirmed match.
   */
  async release(matchId: string, message?: string): Promise<boolean> {
    const m = await this.deps.store.match(matchId);
    if (!m || !(await releaseMatch(this.deps, { matchId }))) return false;
    await this.tell(membersOf(m), 'released', message);
    return true;
  }

  /**
   * A party changed (joined, left, kicked, promoted, disbanded): its queued ticket no
   * longer stands for it and is withdrawn; its members are told. `characterIds`: the
   * members before and after. Never throws: the party change itself went through.
   */
  async partyChanged(partyId: string, characterIds: readonly string[]): Promise<void> {
    try {
      const pulled = await withdrawPartyTicket(this.deps, { partyId, characterIds });
      if (pulled)
        await this.tell(
          pulled.memberIds,
          'party_changed',
          'Your party changed: it left the queue. Its leader can queue it again.',
        );
    } catch (err) {
      this.log.error({ err, partyId }, 'withdrawing a party ticket failed');
    }
  }

  /** One matcher tick: time-outs dissolved and told, new matches formed and told. */
  async tick(): Promise<MatchmakerTick> {
    const r = await runMatchmakerTick(this.deps);
    for (const m of r.formed) this.found(m);
    for (const d of r.dissolved) await this.dissolved(d);
    return r;
  }

  /** The matcher loop (every process runs one; the store's claims keep them apart). 0: none. */
  start(tickMs: number = MATCHER_TICK_MS): void {
    this.loop ??= repeat(tickMs, () => this.tick(), { log: this.log, what: 'matchmaker tick' });
  }

  /** Stops the loop and waits for the tick and launches in progress. */
  async stop(): Promise<void> {
    await this.loop?.stop();
    this.loop = undefined;
    await Promise.allSettled([...this.launching]);
  }
}

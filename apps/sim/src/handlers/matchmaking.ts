/**
 * Matchmaking commands over the sim socket (the rules: packages/game/src/matchmaking;
 * the pushes: ../matchmaking/sim-matchmaking.ts). Each parses its payload, spends from the socket's
 * action budget and maps DomainErrors (a QueuePenaltyError is RATE_LIMITED with
 * "you can queue again in …") to typed acks — command() does all three.
 */
import {
  JoinQueueInputSchema,
  MatchEmptySchema,
  ReadyCheckAnswerSchema,
  type ReadyCheckAnswerResult,
} from '@necp/shared';
import { answerReadyCheck, joinQueue, leaveQueue } from '@necp/game';
import { command, type CommandContext, type EventHandler } from './command';

const me = (ctx: CommandContext) => ctx.session.characterId;

export const matchHandlers = {
  /** solo or (as its leader) the party; everyone on the ticket is told, the caller also in the ack */
  'match:queue': command('match:queue', JoinQueueInputSchema, async (ctx, request) => {
    const mm = ctx.matchmaking;
    const view = await joinQueue(mm.deps, { characterId: me(ctx), request });
    if (view.state === 'queued' && view.memberIds.length > 1)
      await mm.tell(
        view.memberIds.filter((id) => id !== me(ctx)),
        'queued',
        'Your party leader queued the party.',
      );
    return mm.status(me(ctx), 'queued', { view });
  }),

  /** the whole ticket leaves (any member may pull it); every member is told */
  'match:leave': command('match:leave', MatchEmptySchema, async (ctx) => {
    const { memberIds } = await leaveQueue(ctx.matchmaking.deps, { characterId: me(ctx) });
    await ctx.matchmaking.tell(
      memberIds,
      'left',
      memberIds.length > 1 ? 'Your party left the queue.' : undefined,
    );
    return undefined;
  }),

  'match:answer': command(
    'match:answer',
    ReadyCheckAnswerSchema,
    async (ctx, { matchId, accept }): Promise<ReadyCheckAnswerResult> => {
      const mm = ctx.matchmaking;
      const outcome = await answerReadyCheck(mm.deps, { characterId: me(ctx), matchId, accept });
      await mm.answered(outcome);
      return { state: outcome.state };
    },
  ),

  'match:status': command('match:status', MatchEmptySchema, (ctx) =>
    ctx.matchmaking.status(me(ctx), 'status'),
  ),
} satisfies Record<string, EventHandler>;

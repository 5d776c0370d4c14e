/** What the HUD asks of matchmaking and instances (matchmaking/match-commands.ts, instances/instance-commands.ts). */
import type { JoinQueueInput } from '@necp/shared';
import type { InstanceCommands } from '../instances/instance-commands';
import type { MatchCommands } from './match-commands';

export interface MatchHudCommands {
  /** the group finder: queue, leave, answer a ready check, read the status */
  matchQueue: (request: JoinQueueInput) => Promise<boolean>;
  matchLeave: () => Promise<boolean>;
  matchAnswer: (matchId: string, accept: boolean) => Promise<boolean>;
  matchRefresh: () => void;
  /** the HUD's "Leave instance": a confirm, then instance:leave */
  instanceLeave: () => void;
}

export const matchHudCommands = (
  client: () => { match: MatchCommands; instances: InstanceCommands } | null,
): MatchHudCommands => ({
  matchQueue: (request) => client()?.match.queue(request) ?? Promise.resolve(false),
  matchLeave: () => client()?.match.leave() ?? Promise.resolve(false),
  matchAnswer: (matchId, accept) =>
    client()?.match.answer(matchId, accept) ?? Promise.resolve(false),
  matchRefresh: () => void client()?.match.refresh(),
  instanceLeave: () => client()?.instances.askToLeave(),
});

import { CharRefreshSchema } from '@necp/shared';
import { onCommand, type CommandContext } from './command';
import type { RateWindow } from '../net/rate-window';

/**
 * char:refresh {} — after an inventory change through the API the client asks the
 * sim to re-read gear and weight; acked with the new stats (also sent as char:stats).
 */
export function registerCharHandlers(ctx: CommandContext, limit: RateWindow): void {
  onCommand(ctx, 'char:refresh', CharRefreshSchema, limit, () => ctx.stats.refresh());
}

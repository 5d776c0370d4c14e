import { z } from 'zod';

/** What a vendor purchase or sale keeps for a retry of its key: the eddies it moved. */
export const TradeOutcome = z.object({ eddiesDelta: z.int() });

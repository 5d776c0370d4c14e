import { achievementsRouter } from './routers/achievements';
import { adminRouter } from './routers/admin';
import { authRouter } from './routers/auth';
import { bankRouter } from './routers/bank';
import { characterRouter } from './routers/character';
import { inventoryRouter } from './routers/inventory';
import { moderationRouter } from './routers/moderation';
import { progressionRouter } from './routers/progression';
import { dailyRouter } from './routers/daily';
import { dialogueRouter } from './routers/dialogue';
import { friendsRouter } from './routers/friends';
import { notificationsRouter } from './routers/notifications';
import { mailRouter } from './routers/mail';
import { tradeRouter } from './routers/trade';
import { auctionRouter } from './routers/auction';
import { marketRouter } from './routers/market';
import { contractsRouter } from './routers/contracts';
import { craftingRouter } from './routers/crafting';
import { guildRouter } from './routers/guild';
import { leaderboardsRouter } from './routers/leaderboards';
import { questsRouter } from './routers/quests';
import { raidRouter } from './routers/raid';
import { reputationRouter } from './routers/reputation';
import { vendorRouter } from './routers/vendor';
import { createTRPCRouter } from './trpc';

/** One router per domain. */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  character: characterRouter,
  inventory: inventoryRouter,
  bank: bankRouter,
  admin: adminRouter,
  progression: progressionRouter,
  moderation: moderationRouter,
  quests: questsRouter,
  dialogue: dialogueRouter,
  reputation: reputationRouter,
  vendor: vendorRouter,
  daily: dailyRouter,
  friends: friendsRouter,
  notifications: notificationsRouter,
  mail: mailRouter,
  trade: tradeRouter,
  auction: auctionRouter,
  market: marketRouter,
  contracts: contractsRouter,
  crafting: craftingRouter,
  guild: guildRouter,
  achievements: achievementsRouter,
  leaderboards: leaderboardsRouter,
  raid: raidRouter,
});

export type AppRouter = typeof appRouter;

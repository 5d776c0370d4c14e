// Guild renown (docs/seasons.md, "Neon Popularity Reset"): the seasonal score a guild
// earns from its members' play, credited exactly once per event and member.
export { creditGuildRenown, type GuildCredited } from './credit-renown';
export { guildSeasonRenown, type GuildSeasonRenown } from './read-renown';
export {
  RENOWN_EVENT_TYPES,
  renownCreditsOf,
  type RenownCredit,
  type RenownEventType,
} from './renown-credits';
export { renownOutboxSubscriber, type RenownSubscriberOptions } from './renown-subscriber';

/** The daily login reward (design: docs/design/quests-factions-vendors.md). */
export * from './get-daily-status';
export * from './claim-login-reward';

/** Vendors: trading with contacts (design: docs/design/quests-factions-vendors.md). */
export * from './get-vendor';
export * from './buy-from-vendor';
export * from './sell-to-vendor';
export * from './buy-back-from-vendor';

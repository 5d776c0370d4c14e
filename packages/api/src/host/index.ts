/**
 * `@necp/api/host`: what the web's server side (the tRPC route, next-auth, the public
 * pages, the revalidation route) needs beyond the routers. The web reaches the domain
 * only through packages/api — this entry and the routers — never @necp/game or @necp/db
 * (the `web-reaches-the-server-through-api` rule in .dependency-cruiser.cjs).
 */
export { createHostDeps, type HostDeps, type HostSettings } from './deps';
export * from './sign-in';
export * from './internal';
export * from './public-reads';

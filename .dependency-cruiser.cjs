// The house's walls (docs/architecture.md, "Layers"): which package may import which,
// no import cycles, Prisma only in the domain. Run by `pnpm deps` and by the test
// command's static phase; a broken rule fails it and names the rule and the import.
// Tests, test kits and e2e specs are outside the walls (they set worlds up directly).
const TESTS = '(\\.(test|spec)\\.tsx?$|/testing/|/test-helpers\\.ts$|^apps/web/e2e/)';
/** A workspace package by folder, or by name where the importer cannot even resolve it. */
const pkg = (...names) =>
  names.map((n) => (n === 'sim' || n === 'web' ? `^apps/${n}/` : `^packages/${n}/`)).join('|') +
  `|^@necp/(${names.join('|')})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'An import cycle among source files: move the shared type or helper to a module both can import.',
      severity: 'error',
      from: { pathNot: TESTS },
      to: { circular: true, viaOnly: { pathNot: TESTS } },
    },
    {
      name: 'shared-imports-no-workspace-package',
      comment: 'packages/shared is the leaf: pure rules, schemas and content, no server code.',
      severity: 'error',
      from: { path: '^packages/shared/' },
      to: { path: pkg('game', 'db', 'api', 'sim', 'web') },
    },
    {
      name: 'db-imports-only-shared',
      comment: 'packages/db (schema, client, seed) knows nothing of the domain or the apps.',
      severity: 'error',
      from: { path: '^packages/db/', pathNot: TESTS },
      to: { path: pkg('game', 'api', 'sim', 'web') },
    },
    {
      name: 'game-imports-only-shared-and-db',
      comment: 'packages/game is the domain: it never reaches up into the api or an app.',
      severity: 'error',
      from: { path: '^packages/game/' },
      to: { path: pkg('api', 'sim', 'web') },
    },
    {
      name: 'api-imports-no-app',
      comment: 'packages/api (tRPC routers) calls the domain; it never imports the sim or the web.',
      severity: 'error',
      from: { path: '^packages/api/' },
      to: { path: pkg('sim', 'web') },
    },
    {
      name: 'sim-and-api-never-import-each-other',
      comment:
        'The sim reaches the domain through packages/game, never through the tRPC routers or the web.',
      severity: 'error',
      from: { path: '^apps/sim/' },
      to: { path: pkg('api', 'web') },
    },
    {
      name: 'web-never-imports-the-sim',
      comment:
        'The web talks to the sim over Socket.IO (contracts in packages/shared), never by import.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: pkg('sim') },
    },
    {
      name: 'web-reaches-the-server-through-api',
      comment:
        'The web (server side too) reaches the domain only through packages/api: the routers, their types and @necp/api/host (deps, sign-in, public reads) — never @necp/game or @necp/db.',
      severity: 'error',
      from: { path: '^apps/web/', pathNot: TESTS },
      to: { path: pkg('game', 'db') },
    },
    {
      name: 'web-client-takes-only-types-from-the-server',
      comment:
        'Browser code (apps/web/src/game, components) imports only tRPC types from packages/api (`import type`), never server code.',
      severity: 'error',
      from: { path: '^apps/web/src/(game|components)/', pathNot: TESTS },
      to: { path: pkg('api', 'game', 'db'), dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'combat-engine-is-pure',
      comment:
        'apps/sim/src/combat is the rules engine: at run time it reaches only itself and packages/shared (zone, npc and domain types are fine); persistence of outcomes is apps/sim/src/outcomes.',
      severity: 'error',
      from: { path: '^apps/sim/src/combat/', pathNot: TESTS },
      to: { pathNot: '^apps/sim/src/combat/|^packages/shared/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'prisma-only-in-game-and-db',
      comment:
        'Database calls live in packages/game (one folder per domain); Prisma is imported nowhere else.',
      severity: 'error',
      from: { pathNot: `^packages/(game|db)/|${TESTS}` },
      to: { path: 'node_modules/(@prisma|prisma)/|^@prisma/|^prisma$|^packages/db/src/generated/' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)(node_modules|generated)/' },
    exclude: { path: '(^|/)(\\.next[^/]*|\\.data|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
    reporterOptions: { text: { highlightFocused: true } },
  },
};

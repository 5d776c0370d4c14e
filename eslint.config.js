// One ESLint config for the whole workspace (typescript-eslint, recommended rules).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Prisma is called only inside packages/game (and packages/db): the apps and the
// routers pass the client on to a domain function, never use it themselves.
const dbCalls = [
  // (closing the client where it was made, at a process's end, is no call)
  "MemberExpression[object.type='Identifier'][object.name=/^(db|tx|prisma)$/]:not([property.name='$disconnect'])",
  "MemberExpression[object.type='MemberExpression'][object.property.name='db']",
].map((selector) => ({
  selector,
  message:
    'A database call outside packages/game: move it into the domain (a function in packages/game/src/<domain>/) and call that.',
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.next/**',
      '**/.next-*/**',
      '**/dist/**',
      '**/generated/**',
      '.data/**',
      '**/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // no database calls outside the domain (dbCalls above; which package may import
    // which is .dependency-cruiser.cjs's)
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/api/src/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: { 'no-restricted-syntax': ['error', ...dbCalls] },
  },
  {
    // one way to write the web game's store: a slice's actions (store/slice.ts); the
    // store's own folder composes the slices, tests and previews set fixtures
    files: ['apps/web/src/game/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**', 'apps/web/src/game/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...dbCalls,
        {
          selector: "CallExpression[callee.property.name='setState']",
          message:
            "Write the game store through its slice's actions (an action named for what happened, in the key's *-slice.ts), never setState.",
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zustand',
              importNames: ['create', 'createStore'],
              message: 'One game store (store/game-store.ts): add a slice to it.',
            },
            {
              name: 'zustand/vanilla',
              importNames: ['createStore'],
              message: 'One game store (store/game-store.ts): add a slice to it.',
            },
          ],
        },
      ],
    },
  },
  {
    // one way for a server process to repeat work: repeat() (apps/sim/src/timers/repeat.ts:
    // never two runs at once, failures logged, stop waits); a zone's in-tick work is zone.every,
    // a job across processes the worker's crontab
    files: ['apps/sim/src/**/*.ts', 'packages/game/src/**/*.ts', 'packages/api/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'setInterval',
          message:
            'Repeat work with repeat() from apps/sim/src/timers/repeat.ts (or zone.every inside a zone, or a worker cron job).',
        },
      ],
    },
  },
  {
    // one way to open a transaction: core/transaction.ts (limits, isolation, reruns after
    // a deadlock or serialization failure)
    files: ['packages/game/src/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      '**/testing/**',
      '**/test-helpers.ts',
      'packages/game/src/core/transaction.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='$transaction']",
          message:
            'Open transactions with inTransaction (packages/game/src/core/transaction.ts): the same limits, isolation and reruns for every one.',
        },
      ],
    },
  },
  {
    // a wait in a test names its timeout: vitest's own 1 s is too short for a database write
    // on a loaded 2-core CI run (a sim test failed on it)
    files: ['**/*.test.{ts,tsx}', '**/testing/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='vi'][callee.property.name='waitFor'][arguments.length<2]",
          message:
            "Give vi.waitFor its timeout (the sim's tests: WAIT from apps/sim/src/testing/eventually.ts).",
        },
      ],
    },
  },
);

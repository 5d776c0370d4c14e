/**
 * What each scenario asks for. Board pages and profiles are cached by Next for 60 s
 * after their first render (docs/leaderboards.md), and no request header can make it
 * render a cached path again (the proxy fetches the page itself, cookies and headers
 * left behind), so:
 * - `…-cached`: one path, asked once before the run (rendered and cached then); the
 *   run measures serving it from the cache (the proxy's own fetch and CSP hashing included);
 * - `…-cold`: a path never asked before on every request — each is a full render with
 *   its reads (and the write of the new cache entry), as a crawler walking the pages
 *   gets. Pages from 1 up (top-cold), from the deep page up (deep-cold), class pages
 *   from 1 up, cycling the classes (class-cold), profiles of characters spread over
 *   the whole board (profile-cold).
 * `around` is the tRPC query (never cached): the 5 rows on each side of characters
 * drawn at random from the whole board, so at every rank.
 */
import { CLASS_IDS, LEADERBOARD_PAGE_SIZE } from '@necp/shared';
import type { OpenLoopRequest } from '../web/open-loop';
import type { LbScenario } from './args';
import { benchCharacter, isListedBenchCharacter } from './seed';

export interface ScenarioCursor {
  /** cold paths already used, per scenario (a new run goes on where the last stopped) */
  used: Map<LbScenario, number>;
}

/** The k-th listed character of a permutation that spreads over the whole board. */
function spreadCharacter(n: number, k: number) {
  for (let j = k; ; j++) {
    // 7919 is prime and does not divide n for the sizes the bench takes: j → distinct i
    const i = 1 + ((j * 7919 + 12345) % n);
    if (isListedBenchCharacter(i)) return benchCharacter(i);
  }
}

/** Mulberry32: a seeded random for `around`'s characters. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function scenarioRequests(
  scenario: LbScenario,
  o: { characters: number; deepPage: number; cursor: ScenarioCursor },
): { warm?: OpenLoopRequest; request: (i: number) => OpenLoopRequest; describe: string } {
  const base = o.cursor.used.get(scenario) ?? 0;
  const take = (i: number) => {
    o.cursor.used.set(scenario, Math.max(o.cursor.used.get(scenario) ?? 0, base + i + 1));
    return base + i;
  };
  const get = (path: string): OpenLoopRequest => ({ method: 'GET', path });
  const cachedProfile = spreadCharacter(o.characters, o.characters - 1).name;
  switch (scenario) {
    case 'top-cached':
      return {
        warm: get('/leaderboards/level'),
        request: () => get('/leaderboards/level'),
        describe: 'level board, page 1, from the cache',
      };
    case 'top-cold':
      return {
        request: (i) => get(`/leaderboards/level?page=${1 + take(i)}`),
        describe: 'level board, pages 1, 2, 3 … each rendered once',
      };
    case 'deep-cached':
      return {
        warm: get(`/leaderboards/level?page=${o.deepPage}`),
        request: () => get(`/leaderboards/level?page=${o.deepPage}`),
        describe: `level board, page ${o.deepPage.toLocaleString('en-US')}, from the cache`,
      };
    case 'deep-cold':
      return {
        request: (i) => get(`/leaderboards/level?page=${o.deepPage + take(i)}`),
        describe: `level board, pages ${o.deepPage.toLocaleString('en-US')}, ${(o.deepPage + 1).toLocaleString('en-US')} … each rendered once (rows ${((o.deepPage - 1) * LEADERBOARD_PAGE_SIZE + 1).toLocaleString('en-US')} on)`,
      };
    case 'class-cold':
      return {
        request: (i) => {
          const k = take(i);
          const cls = CLASS_IDS[k % CLASS_IDS.length]!;
          return get(
            `/leaderboards/level?class=${cls}&page=${1 + Math.floor(k / CLASS_IDS.length)}`,
          );
        },
        describe: `level board by class (${CLASS_IDS.length} classes in turn), pages 1, 2 … each rendered once`,
      };
    case 'around': {
      const next = rng(14 + base);
      return {
        request: (i) => {
          take(i);
          const c = benchCharacterAt(o.characters, next);
          const input = { json: { board: 'level', name: c.name, k: 5 } };
          return get(
            `/api/trpc/leaderboards.around?input=${encodeURIComponent(JSON.stringify(input))}`,
          );
        },
        describe:
          'tRPC `leaderboards.around` on the level board, k = 5, characters at random ranks',
      };
    }
    case 'profile-cached':
      return {
        warm: get(`/players/${cachedProfile}`),
        request: () => get(`/players/${cachedProfile}`),
        describe: 'one profile `/players/[name]`, from the cache',
      };
    case 'profile-cold':
      return {
        request: (i) => get(`/players/${spreadCharacter(o.characters, take(i)).name}`),
        describe: 'profiles `/players/[name]` of characters all over the board, each rendered once',
      };
  }
}

function benchCharacterAt(n: number, next: () => number) {
  for (;;) {
    const i = 1 + Math.floor(next() * n);
    if (isListedBenchCharacter(i)) return benchCharacter(i);
  }
}

/** An answer that is not the page or result asked for is an error, not a fast success. */
export function scenarioCheck(scenario: LbScenario) {
  return (_status: number, body: string): string | undefined => {
    if (scenario === 'around')
      return body.startsWith('{"result"') && body.includes('"me":{') ? undefined : 'not a result';
    if (scenario.startsWith('profile'))
      return body.includes('data-testid="player-page"') ? undefined : 'not a profile';
    return body.includes('data-testid="lb-row"') ? undefined : 'not a board page';
  };
}

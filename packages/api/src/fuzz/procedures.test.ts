/**
 * The fuzz suite of the tRPC edge (issue 10): walks EVERY procedure of the app
 * router (read from appRouter._def.procedures, so a new procedure is covered without
 * editing this file) with generated hostile input, as an anonymous caller, as a
 * player, as another player (holding the first one's ids) and as the wrong role.
 * It asserts: never INTERNAL_SERVER_ERROR; input the procedure's schema refuses is
 * refused (BAD_REQUEST, or the auth check before it); nobody acts on another
 * player's character; and no table changed except by a call whose input was valid.
 * It runs on a database of its own (every table's writes logged: watchTableWrites), with a fixed
 * seed (FUZZ_SEED overrides it; fast-check prints the seed and counterexample).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import {
  createTestUser,
  tableWriteMark,
  tablesWrittenSince,
  watchTableWrites,
} from '@necp/db/testing';
import { grantItem } from '@necp/game';
import { badInput } from '@necp/shared/testing';
import { appRouter } from '../root';
import { anonCaller, callerFor, testDeps } from '../testing';
import { fuzzTestDb } from '@necp/db/testing/run';

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** generated inputs per procedure (each is sent as every actor) */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const db = fuzzTestDb('api', 4);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

type Call = (input: unknown) => Promise<unknown>;
interface Parser {
  safeParse(v: unknown): { success: boolean };
}
const isParser = (p: unknown): p is Parser =>
  typeof (p as Partial<Parser> | null)?.safeParse === 'function';

interface ProcedureInfo {
  path: string;
  type: string;
  parsers: Parser[];
  /** keys of the input object, when the input is an object schema */
  keys: string[];
}

/** Every procedure of the router, with its input schemas (walked, never listed by hand). */
function procedures(): ProcedureInfo[] {
  // typed as the nested router record, but at runtime a flat map of "a.b" → procedure
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; inputs: unknown[] } }
  >;
  return Object.entries(record).map(([path, proc]) => {
    const parsers = proc._def.inputs.filter(isParser);
    // every object schema's keys: a procedure's inputs merge (characterProcedure's first)
    const keys = proc._def.inputs.flatMap((i) =>
      Object.keys((i as { shape?: Record<string, unknown> } | null)?.shape ?? {}),
    );
    return { path, type: proc._def.type, parsers, keys: [...new Set(keys)] };
  });
}

/** The callable at `path` ("inventory.move") of a tRPC caller. */
function at(caller: unknown, path: string): Call {
  let node: unknown = caller;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'function') throw new Error(`no procedure at ${path}`);
  return node as Call;
}

const ACTORS = ['anonymous', 'player', 'other player', 'moderator'] as const;
type ActorName = (typeof ACTORS)[number];
interface ActorIds {
  victim: string;
  other: string;
  moderator: string;
}
interface World {
  actors: Record<ActorName, unknown>;
  userIds: ActorIds;
  /** the player's character: "other player" must never act on it */
  victimCharacterId: string;
  /** "other player"'s own character */
  otherCharacterId: string;
  pool: Record<string, readonly unknown[]>;
}

/**
 * The callers, on `d`: each procedure's walk gets deps of its own, so the per-account
 * mutation limit (counted per deps in memory) starts empty and the fuzz reaches the
 * schemas instead of the limiter.
 */
function actorsOn(d: typeof deps, ids: ActorIds): Record<ActorName, unknown> {
  return {
    anonymous: anonCaller(d),
    player: callerFor(d, ids.victim),
    'other player': callerFor(d, ids.other),
    moderator: callerFor(d, ids.moderator, 'MODERATOR'),
  };
}

async function world(): Promise<World> {
  const victim = await createTestUser(db);
  const other = await createTestUser(db);
  const moderator = await createTestUser(db, { role: 'MODERATOR' });
  const victimCaller = callerFor(deps, victim.id);
  const otherCaller = callerFor(deps, other.id);
  const vc = await victimCaller.character.create({
    name: 'Fuzzvictim',
    origin: 'streetkid',
    class: 'netrunner',
  });
  const oc = await otherCaller.character.create({
    name: 'Fuzzother',
    origin: 'corpo',
    class: 'solo',
  });
  const [stim] = await grantItem(deps, {
    characterId: vc.id,
    templateId: 'stim_basic',
    quantity: 5,
    reason: 'admin',
  });
  const itemId = stim!.itemId;
  return {
    actors: actorsOn(deps, { victim: victim.id, other: other.id, moderator: moderator.id }),
    userIds: { victim: victim.id, other: other.id, moderator: moderator.id },
    victimCharacterId: vc.id,
    otherCharacterId: oc.id,
    // plausible values, so generated calls get past the schema now and then
    pool: {
      characterId: [vc.id, oc.id],
      itemId: [itemId],
      templateId: ['stim_basic', 'pistol_unity'],
      contactId: ['vik', 'regina'],
      questId: ['q_street_cred'],
      choiceId: ['greet'],
      quantity: [1, 2],
      toSlot: [0, 7],
      amount: [1, 100],
      attribute: ['body'],
      slot: ['body'],
      name: ['Fuzzy'],
      origin: ['streetkid'],
      class: ['solo'],
      email: ['fuzz@example.com'],
      username: ['fuzz_user'],
      password: ['a long and fine passphrase'],
      characterName: ['Fuzzy'],
      zoneId: ['watson'],
      // the edges of each format as well as its middle
      since: [new Date(0), new Date(8.64e15), new Date(-8.64e15)],
      until: [new Date(Date.UTC(2100, 0, 1)), new Date(8.64e15)],
      // page cursors as the codec makes them (core/page-cursor.ts), at their edges, and
      // others' shapes: each list refuses what it did not make
      cursor: [
        [1, '1'],
        [999999999999999, '1'],
        [1, '9999999999999999999'],
        ['9223372036854775807'],
      ].map((k) => Buffer.from(JSON.stringify(k)).toString('base64url')),
      limit: [1, 200],
      expectedPrice: [0, 10],
      choice: ['stim_basic'],
      // the key a command that moves value is sent once with (IdempotencyKeySchema)
      idempotencyKey: ['fuzz-key-1'],
    },
  };
}

const REFUSED_BEFORE_RUNNING = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN']);

// one procedure's walk took 16–23 s on a loaded 2-core VM (when every valid payload
// checksummed every table), past vitest's 20 s default
describe(`tRPC fuzz (seed ${SEED}, ${RUNS} runs per procedure)`, { timeout: 60_000 }, () => {
  let w: World;
  /** where the log of table writes stood after the last call allowed to write */
  let baseline: bigint;
  const procs = procedures();

  /** procedures an anonymous caller gets past the sign-in check of (probed, not listed) */
  const publicPaths: string[] = [];

  beforeAll(async () => {
    await watchTableWrites(db);
    w = await world();
    for (const p of procs) {
      const refused = await at(
        w.actors.anonymous,
        p.path,
      )(undefined).then(
        () => null,
        (e: unknown) => (e instanceof TRPCError ? e.code : 'OTHER'),
      );
      if (refused !== 'UNAUTHORIZED') publicPaths.push(p.path);
    }
  });

  it('sees the writes that commit, and not those rolled back', async () => {
    // the world's sign-ups were written after the watch began
    expect(await tablesWrittenSince(db, 0n)).toEqual(expect.arrayContaining(['User']));
    const mark = await tableWriteMark(db);
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "User" SET "username" = "username" WHERE "id" = ${w.userIds.victim}`;
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await tablesWrittenSince(db, mark)).toEqual([]);
  });

  it('walks every procedure of the app router', () => {
    // a sanity floor: the walk found the routers (not an empty record)
    expect(procs.length).toBeGreaterThan(30);
    expect(procs.map((p) => p.path)).toContain('moderation.combatLog');
    expect(publicPaths).toEqual([
      'auth.register',
      'guild.public',
      'leaderboards.top',
      'leaderboards.around',
      'leaderboards.ranks',
      'leaderboards.seasons',
    ]);
  });

  const expectUnchanged = async (what: string) => {
    expect(await tablesWrittenSince(db, baseline), `tables written by ${what}`).toEqual([]);
  };

  /**
   * How a call with input its schema refuses may be refused: besides these, a character
   * that is not the actor's own is NOT_FOUND — characterProcedure checks it before the
   * rest of the input is read.
   */
  function refusedBeforeRunning(who: ActorName, input: unknown): Set<string> {
    const target = (input as { characterId?: unknown } | null)?.characterId;
    const own = { player: w.victimCharacterId, 'other player': w.otherCharacterId }[
      who as 'player' | 'other player'
    ];
    return typeof target === 'string' && target !== own
      ? new Set([...REFUSED_BEFORE_RUNNING, 'NOT_FOUND'])
      : REFUSED_BEFORE_RUNNING;
  }

  /** One call as one actor, with every assertion about its outcome. */
  async function check(proc: ProcedureInfo, who: ActorName, input: unknown): Promise<void> {
    const valid = proc.parsers.every((p) => p.safeParse(input).success);
    // a valid input may write; everything before it must have written nothing
    if (valid) await expectUnchanged(`invalid calls before ${proc.path}`);
    let outcome: { ok: true } | { ok: false; error: unknown };
    try {
      await at(w.actors[who], proc.path)(input);
      outcome = { ok: true };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const label = `${proc.path} as ${who}`;
    if (outcome.ok) {
      expect(valid, `${label} accepted input its schema refuses`).toBe(true);
      if (who === 'anonymous')
        expect(publicPaths, `${label} succeeded anonymously`).toContain(proc.path);
      const target = (input as { characterId?: unknown } | null)?.characterId;
      if (who === 'other player')
        expect(target, `${label} acted on another player's character`).not.toBe(
          w.victimCharacterId,
        );
    } else {
      expect(outcome.error, `${label} threw a non-tRPC error`).toBeInstanceOf(TRPCError);
      const code = (outcome.error as TRPCError).code;
      expect(code, `${label}: ${(outcome.error as Error).message}`).not.toBe(
        'INTERNAL_SERVER_ERROR',
      );
      if (!valid) expect(refusedBeforeRunning(who, input), `${label} → ${code}`).toContain(code);
    }
    if (valid) {
      // a refused call writes nothing (no partial writes); a successful one may
      if (!outcome.ok) await expectUnchanged(`${label} (refused)`);
      baseline = await tableWriteMark(db);
    }
  }

  it.each(procs.map((p, i) => [p.path, p, i] as const))(
    '%s: no internal error, invalid input refused, nothing written',
    async (_path, proc, index) => {
      w.actors = actorsOn(testDeps(db), w.userIds);
      baseline = await tableWriteMark(db);
      await fc.assert(
        fc.asyncProperty(badInput(proc.keys, w.pool, { hugeLength: 1_000_000 }), async (input) => {
          // every input as every actor: anonymous, owner, another player, wrong role
          for (const who of ACTORS) await check(proc, who, input);
        }),
        // a procedure without input ignores it: a couple of runs prove the point
        { seed: SEED + index, numRuns: proc.parsers.length > 0 ? RUNS : 2, endOnFailure: true },
      );
      await expectUnchanged(`invalid calls to ${proc.path}`);
    },
  );

  it('left Object.prototype alone', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

/**
 * The one way the API authorizes acting as a character (trpc.ts, characterProcedure).
 * Walked from the app router, so a new procedure is held to it without editing this file:
 * every procedure whose input names a character is built on characterProcedure (the
 * account's own roster operations excepted: they take the account, docs/architecture.md;
 * and staff procedures, which name the player's character they act on),
 * and every one refuses another account's, a deleted and a missing character with the
 * same NOT_FOUND before it reads the rest of its input — so ids cannot be probed, and
 * nothing runs for someone else's character whatever else the call carries.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { appRouter } from './root';
import { adminProcedure, characterProcedure, moderatorProcedure } from './trpc';
import { callerFor, rejection, testDb, testDeps } from './testing';

const db = testDb(2);
afterAll(() => db.$disconnect());

/** The account's operations on its own characters: the domain checks the account (and restore reads deleted ones). */
const ROSTER = ['character.delete', 'character.restore', 'character.enter'];

interface Definition {
  inputs: unknown[];
  middlewares: unknown[];
}
interface Procedure extends Definition {
  path: string;
}
/** Every procedure of the app router ("a.b" → its definition: a flat map at runtime). */
const procedures: Procedure[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: Definition }>,
).map(([path, p]) => ({ path, ...p._def }));
const namesCharacter = (p: Procedure) =>
  p.inputs.some((i) => 'characterId' in ((i as { shape?: object } | null)?.shape ?? {}));
/** built on `builder`: its middlewares (a check among them) come first */
const builtOn = (builder: unknown) => (p: Procedure) =>
  (builder as { _def: Definition })._def.middlewares.every((m, i) => p.middlewares[i] === m);
const onCharacterProcedure = builtOn(characterProcedure);
/** staff procedures name the player's character they act on (moderation, grants) */
const staff = (p: Procedure) => builtOn(moderatorProcedure)(p) || builtOn(adminProcedure)(p);
const actingAsCharacter = procedures.filter(onCharacterProcedure);

/** The callable at `path` ("inventory.move") of a tRPC caller. */
function at(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let node: unknown = caller;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  return node as (input: unknown) => Promise<unknown>;
}

describe('characterProcedure', () => {
  it('is what every procedure naming a character is built on', () => {
    const named = procedures.filter((p) => namesCharacter(p) && !staff(p)).map((p) => p.path);
    expect(named.filter((path) => !ROSTER.includes(path))).toEqual(
      actingAsCharacter.map((p) => p.path),
    );
    // the roster's operations are the only others, and they exist
    expect(named.filter((path) => ROSTER.includes(path)).sort()).toEqual([...ROSTER].sort());
    expect(procedures.filter(staff).length).toBeGreaterThan(0);
    // bags, quests, the market, mail, guilds…: not a handful
    expect(actingAsCharacter.length).toBeGreaterThan(90);
  });

  it.each(actingAsCharacter.map((p) => [p.path]))(
    "%s: another account's, a deleted and a missing character are the same NOT_FOUND",
    async (path) => {
      const deps = testDeps(db);
      const victim = await createTestUser(db);
      const theirs = await createTestCharacter(db, victim.id);
      // a fresh account per procedure: three mutations stay under the per-account limit
      const intruder = await createTestUser(db);
      const deleted = await createTestCharacter(db, intruder.id, { deletedAt: new Date() });
      const call = at(callerFor(deps, intruder.id), path);
      // the rest of the input is garbage: the check comes before it is read
      const answers = [];
      for (const characterId of [theirs.id, deleted.id, 'no-such-character']) {
        const e = await rejection(call({ characterId, unexpected: '\u0000' }));
        expect(e).toBeInstanceOf(TRPCError);
        answers.push({ code: (e as TRPCError).code, message: (e as TRPCError).message });
      }
      expect(answers).toEqual(
        Array.from({ length: 3 }, () => ({ code: 'NOT_FOUND', message: 'Character not found' })),
      );
      // and the owner gets past the check: whatever its answer, not NOT_FOUND for the character
      const own = await rejection(
        at(callerFor(deps, victim.id), path)({ characterId: theirs.id, x: 1 }),
      )
        .then((e) => (e as TRPCError).message)
        .catch(() => 'answered');
      expect(own).not.toBe('Character not found');
    },
  );
});
